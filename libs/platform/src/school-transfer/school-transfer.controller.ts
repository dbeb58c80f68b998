import { Controller, type Type } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { RpcRequest, SchoolTransferRpcSet } from '#contracts';
import { requireSystemActor } from '../rpc/current-actor.js';
import { SchoolTransfer } from './school-transfer.js';

/** The four school-transfer subjects of one service, answered for the system actor only (R-DATA-2). */
export function schoolTransferController(rpc: SchoolTransferRpcSet): Type<unknown> {
  @Controller()
  class SchoolTransferController {
    constructor(private readonly transfer: SchoolTransfer) {}

    @MessagePattern(rpc.tables.subject)
    tables(@Payload({ schema: rpc.tables.request }) _request: RpcRequest<SchoolTransferRpcSet['tables']>) {
      requireSystemActor();
      return this.transfer.tables();
    }

    @MessagePattern(rpc.exportPage.subject)
    exportPage(@Payload({ schema: rpc.exportPage.request }) request: RpcRequest<SchoolTransferRpcSet['exportPage']>) {
      requireSystemActor();
      return this.transfer.exportPage(request);
    }

    @MessagePattern(rpc.stage.subject)
    stage(@Payload({ schema: rpc.stage.request }) request: RpcRequest<SchoolTransferRpcSet['stage']>) {
      requireSystemActor();
      return this.transfer.stage(request);
    }

    @MessagePattern(rpc.apply.subject)
    apply(@Payload({ schema: rpc.apply.request }) request: RpcRequest<SchoolTransferRpcSet['apply']>) {
      requireSystemActor();
      return this.transfer.apply(request);
    }
  }
  return SchoolTransferController;
}
