import type { DynamicModule, INestApplication, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AddressInfo } from 'node:net';
import { JsonLogger } from '../logging/json-logger.js';
import type { NatsSettings } from '../nats/nats-settings.js';
import { PrefixedNatsServer } from '../nats/prefixed-nats-server.js';
import { RpcFailureFilter } from '../rpc/rpc-failure.filter.js';
import { createValidationPipe } from '../rpc/validation-pipe.js';

export interface ServiceStartOptions {
  name: string;
  module: DynamicModule;
  nats: NatsSettings;
  healthPort: number;
  host?: string;
  logger?: LoggerService | false;
}

export interface RunningService {
  app: INestApplication;
  healthUrl: string;
  close(): Promise<void>;
}

/**
 * Starts a service: NATS request/reply handlers in the service's queue group, and a small HTTP server for /health.
 */
export async function startService(options: ServiceStartOptions): Promise<RunningService> {
  const app = await NestFactory.create<NestFastifyApplication>(options.module, new FastifyAdapter(), {
    logger: options.logger ?? new JsonLogger(options.name),
    abortOnError: false,
  });
  const microservice = app.connectMicroservice(
    { strategy: new PrefixedNatsServer(options.nats, options.name) },
    { deferInitialization: true },
  );
  microservice.useGlobalPipes(createValidationPipe());
  microservice.useGlobalFilters(new RpcFailureFilter());
  app.enableShutdownHooks();
  await app.startAllMicroservices();
  await app.listen({ port: options.healthPort, host: options.host ?? '127.0.0.1' });
  const address = app.getHttpServer().address() as AddressInfo;
  return {
    app,
    healthUrl: `http://${options.host ?? '127.0.0.1'}:${address.port}/health`,
    close: () => app.close(),
  };
}
