import type { AddressInfo } from 'node:net';
import fastifyCookie from '@fastify/cookie';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { JsonLogger } from '#platform';
import type { GatewayConfig } from './config/gateway-config.js';
import { GatewayModule } from './gateway.module.js';
import { REQUEST_ID_HEADER, requestIdOf } from './http/request-id.js';
import { slowRequestLine } from './http/slow-requests.js';
import { setupOpenApi } from './openapi/setup-openapi.js';
import { ROSTER_UPLOAD_BODY_LIMIT, ROSTER_UPLOAD_TYPES } from './roster-import/roster-upload.js';

export interface RunningGateway {
  url: string;
  app: NestFastifyApplication;
  close(): Promise<void>;
}

const BODY_LIMIT_BYTES = 1024 * 1024;
const httpLogger = new Logger('Http');

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
  // Roster files are uploaded as the raw body (their bytes, up to 5 MB): no multipart plugin is needed.
  app.useBodyParser([...ROSTER_UPLOAD_TYPES], { bodyLimit: ROSTER_UPLOAD_BODY_LIMIT });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => {
      void reply.header(REQUEST_ID_HEADER, request.id);
      done();
    })
    .addHook('onResponse', (request, reply, done) => {
      const line = slowRequestLine(request, reply.statusCode, reply.elapsedTime);
      if (line) httpLogger.warn(line);
      done();
    });
  setupOpenApi(app);
  await app.listen({ port: config.port, host: config.host });
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { url: `http://${config.host}:${port}`, app, close: () => app.close() };
}
