import { Controller, Get, HttpCode, Inject, Optional, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { NatsConnectionHolder } from '../nats/nats-connection.js';
import { PLATFORM_OPTIONS, type PlatformOptions } from '../platform-options.js';

type CheckResult = 'up' | 'down';

/** Liveness and readiness of one service: its database and its NATS connection. */
@Controller()
export class HealthController {
  constructor(
    @Inject(PLATFORM_OPTIONS) private readonly options: PlatformOptions,
    private readonly nats: NatsConnectionHolder,
    @Optional() private readonly dataSource?: DataSource,
  ) {}

  @Get('health')
  @HttpCode(200)
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<Record<string, unknown>> {
    const checks: Record<string, CheckResult> = { nats: await this.checkNats() };
    if (this.dataSource) checks.database = await this.checkDatabase(this.dataSource);
    const healthy = Object.values(checks).every((result) => result === 'up');
    if (!healthy) reply.status(503);
    return { service: this.options.service, status: healthy ? 'up' : 'down', checks };
  }

  private async checkNats(): Promise<CheckResult> {
    try {
      await this.nats.get();
      return (await this.nats.isConnected()) ? 'up' : 'down';
    } catch {
      return 'down';
    }
  }

  private async checkDatabase(dataSource: DataSource): Promise<CheckResult> {
    try {
      await dataSource.query('SELECT 1');
      return 'up';
    } catch {
      return 'down';
    }
  }
}
