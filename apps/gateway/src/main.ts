import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { JsonLogger } from '#platform';
import { gatewayConfigFromEnv } from './config/gateway-env.js';
import { startGateway } from './start-gateway.js';

const gateway = await startGateway({ ...gatewayConfigFromEnv(), logger: new JsonLogger('gateway') });
gateway.app.enableShutdownHooks();
new Logger('Bootstrap').log(`gateway is up at ${gateway.url}, API documentation at ${gateway.url}/api/docs`);
