import { Module } from '@nestjs/common';
import { ResourceAccess } from './resource-access.js';

/** Gives features ResourceAccess; the service's PlatformModule provides RpcClient. */
@Module({ providers: [ResourceAccess], exports: [ResourceAccess] })
export class AccessModule {}
