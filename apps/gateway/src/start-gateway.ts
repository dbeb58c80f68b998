import type { AddressInfo } from 'node:net';
import fastifyCookie from '@fastify/cookie';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { JsonLogger } from '#platform';
import type { GatewayConfig } from './config/gateway-config.js';
import { GatewayModule } from './gateway.module.js';
import { REQUEST_ID_HEADER, requestIdOf } from './http/request-id.js';
import { setupOpenApi } from './openapi/setup-openapi.js';

export interface RunningGateway {
  url: string;
  app: NestFastifyApplication;
  close(): Promise<void>;
}

const BODY_LIMIT_BYTES = 1024 * 1024;

/** Starts the gateway on Fastify; nothing is shared between two started gateways, so tests may start several. */
export async function startGateway(config: GatewayConfig): Promise<RunningGateway> {
  const adapter = new FastifyAdapter({
    genReqId: requestIdOf,
    requestIdHeader: false,
    bodyLimit: BODY_LIMIT_BYTES,
    ...(config.trustProxy === undefined ? {} : { trustProxy: config.trustProxy }),
  });
  const app = await NestFactory.create<NestFastifyApplication>(GatewayModule.forRoot(config), adapter, {
    logger: config.logger === false ? false : (config.logger ?? new JsonLogger('gateway')),
    abortOnError: false,
  });
  await app.register(fastifyCookie);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => {
      void reply.header(REQUEST_ID_HEADER, request.id);
      done();
    });
  setupOpenApi(app);
  await app.listen({ port: config.port, host: config.host });
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { url: `http://${config.host}:${port}`, app, close: () => app.close() };
}
