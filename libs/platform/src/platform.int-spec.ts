import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Controller, type DynamicModule, Inject, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { type Actor, defineEvent, defineRpc, DomainError, ErrorCode } from '#contracts';
import { createTestDeployment, eventually, type TestDeployment } from '#testing';
import { startService, type RunningService } from './bootstrap/start-service.js';
import { FixedClock } from './clock/clock.js';
import { RequestContext } from './context/request-context.js';
import { createInboxTable, createOutboxTable } from './database/messaging-tables.js';
import { runMigrations } from './database/run-migrations.js';
import { serviceDataSourceOptions } from './database/service-data-source.js';
import { EventConsumer } from './events/event-consumer.js';
import { EventHandlers } from './events/event-handlers.js';
import { MessagingModule } from './messaging.module.js';
import { OutboxRelay } from './outbox/outbox-relay.js';
import { OutboxWriter } from './outbox/outbox-writer.js';
import { PlatformModule } from './platform.module.js';
import { RpcClient } from './rpc/rpc-client.js';

const Echo = defineRpc<{ text: string; actor: Actor | null; requestId: string | null }>()(
  'probe.echo',
  z.object({ text: z.string().min(1) }),
);
const Refuse = defineRpc<never>()('probe.refuse', z.object({}));
const Crash = defineRpc<never>()('probe.crash', z.object({}));
const Note = defineRpc<{ ok: true }>()('probe.note', z.object({ text: z.string() }));
const Nobody = defineRpc<never>()('probe.nobody-listens', z.object({}));
const Noted = defineEvent('events.probe.noted.v1', z.object({ text: z.string() }));

class ProbeSchema1764720000000 implements MigrationInterface {
  name = 'ProbeSchema1764720000000';
  async up(queryRunner: QueryRunner): Promise<void> {
    await createOutboxTable(queryRunner);
    await createInboxTable(queryRunner);
    await queryRunner.query('CREATE TABLE notes (text text NOT NULL)');
    await queryRunner.query('CREATE TABLE applied (text text NOT NULL)');
  }
  async down(): Promise<void> {}
}

@Controller()
class ProbeController implements OnApplicationBootstrap {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(EventConsumer) private readonly consumer: EventConsumer,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumer.start(
      'probe',
      new EventHandlers().on(Noted, async (payload, _envelope, manager) => {
        await manager.query('INSERT INTO applied (text) VALUES ($1)', [payload.text]);
      }),
    );
  }

  @MessagePattern(Echo.subject)
  echo(@Payload({ schema: Echo.request }) payload: z.infer<typeof Echo.request>) {
    const context = RequestContext.current();
    return { text: payload.text, actor: context?.actor ?? null, requestId: context?.requestId ?? null };
  }

  @MessagePattern(Refuse.subject)
  refuse(): never {
    throw new DomainError(ErrorCode.Conflict, 'Запись изменена другим пользователем', { version: 3 });
  }

  @MessagePattern(Crash.subject)
  crash(): never {
    throw new Error('unexpected');
  }

  @MessagePattern(Note.subject)
  note(@Payload({ schema: Note.request }) payload: z.infer<typeof Note.request>) {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('INSERT INTO notes (text) VALUES ($1)', [payload.text]);
      await this.outbox.append(manager, Noted, { text: payload.text });
      return { ok: true as const };
    });
  }
}

function probeModule(deployment: TestDeployment): DynamicModule {
  const url = deployment.databaseUrl('journal');
  @Module({})
  class ProbeModule {}
  return {
    module: ProbeModule,
    imports: [
      PlatformModule.forRoot({ service: 'probe', nats: deployment.nats, clock: new FixedClock(new Date()), rpcTimeoutMs: 2_000 }),
      TypeOrmModule.forRoot(serviceDataSourceOptions({ url, schema: 'journal', entities: [], migrations: [] })),
      MessagingModule.forRoot({ databaseUrl: url }),
    ],
    controllers: [ProbeController],
  };
}

describe('platform: NATS request/reply, errors, outbox and inbox', () => {
  let deployment: TestDeployment;
  let service: RunningService;
  let rpc: RpcClient;

  beforeAll(async () => {
    deployment = await createTestDeployment(['journal']);
    await runMigrations({ url: deployment.databaseUrl('journal'), schema: 'journal', entities: [], migrations: [ProbeSchema1764720000000] });
    service = await startService({ name: 'probe', module: probeModule(deployment), nats: deployment.nats, healthPort: 0, logger: false });
    rpc = service.app.get(RpcClient);
  });

  afterAll(async () => {
    await service?.close();
    await deployment?.dispose();
  });

  it('carries the actor and the request id in NATS headers', async () => {
    const actor: Actor = { kind: 'system', name: 'probe-test' };
    const reply = await RequestContext.run({ requestId: 'req-42' }, () => rpc.call(Echo, { text: 'привет' }, { actor }));
    expect(reply).toEqual({ text: 'привет', actor, requestId: 'req-42' });
  });

  it('refuses an invalid payload with VALIDATION_FAILED and the issue path', async () => {
    await expect(rpc.call(Echo, { text: '' })).rejects.toMatchObject({
      code: ErrorCode.ValidationFailed,
      details: { issues: [expect.objectContaining({ path: 'text' })] },
    });
  });

  it('returns a domain refusal with its stable code, Russian message and details', async () => {
    await expect(rpc.call(Refuse, {})).rejects.toMatchObject({
      code: ErrorCode.Conflict,
      message: 'Запись изменена другим пользователем',
      details: { version: 3 },
    });
  });

  it('hides an unexpected error behind INTERNAL and keeps serving', async () => {
    await expect(rpc.call(Crash, {})).rejects.toMatchObject({ code: ErrorCode.Internal });
    await expect(rpc.call(Echo, { text: 'ещё жив' })).resolves.toMatchObject({ text: 'ещё жив' });
  });

  it('answers SERVICE_UNAVAILABLE quickly when no service listens', async () => {
    const started = Date.now();
    await expect(rpc.call(Nobody, {}, { timeoutMs: 5_000 })).rejects.toMatchObject({ code: ErrorCode.ServiceUnavailable });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('publishes a committed change through the outbox and applies it exactly once', async () => {
    await rpc.call(Note, { text: 'первая' });
    const dataSource = service.app.get(DataSource);
    await eventually(async () => {
      const rows = await dataSource.query<unknown[]>('SELECT text FROM applied');
      expect(rows).toEqual([{ text: 'первая' }]);
    });
    // A redelivery of the same event id (as after a crash before ack) changes nothing.
    await service.app.get(OutboxRelay).flush();
    await dataSource.query('UPDATE outbox SET published_at = NULL');
    await service.app.get(OutboxRelay).flush();
    await eventually(async () => expect(await service.app.get(EventConsumer).backlog('probe')).toBe(0));
    expect(await dataSource.query('SELECT count(*)::int AS n FROM applied')).toEqual([{ n: 1 }]);
  });

  it('reports health of its database and NATS', async () => {
    const response = await fetch(service.healthUrl);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ service: 'probe', status: 'up', checks: { nats: 'up', database: 'up' } });
  });
});
