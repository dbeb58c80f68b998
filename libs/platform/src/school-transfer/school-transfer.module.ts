import { type DynamicModule, Module } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { SchoolTransferRpcSet, SchoolTransferScope } from '#contracts';
import { OutboxWriter } from '../outbox/outbox-writer.js';
import { schoolTransferController } from './school-transfer.controller.js';
import { SchoolTransfer } from './school-transfer.js';
import type { TransferTable } from './transfer-table.js';

export interface SchoolTransferDeclaration {
  /** The service's subjects (`SchoolTransferRpc.<service>`). */
  rpc: SchoolTransferRpcSet;
  tables: readonly TransferTable[];
  /** The service's usual events for an imported school, appended to its outbox in the import's transaction. */
  announce?: (outbox: OutboxWriter, manager: EntityManager, schoolId: string, scope: SchoolTransferScope) => Promise<void>;
}

/** A service's export and import of a school (R-DATA-2), from the declaration of its tables. */
@Module({})
export class SchoolTransferModule {
  static forService(declaration: SchoolTransferDeclaration): DynamicModule {
    return {
      module: SchoolTransferModule,
      controllers: [schoolTransferController(declaration.rpc)],
      providers: [
        {
          provide: SchoolTransfer,
          inject: [DataSource, OutboxWriter],
          useFactory: (dataSource: DataSource, outbox: OutboxWriter) =>
            new SchoolTransfer(dataSource, {
              tables: declaration.tables,
              ...(declaration.announce
                ? { announce: (manager, schoolId, scope) => declaration.announce!(outbox, manager, schoolId, scope) }
                : {}),
            }),
        },
      ],
    };
  }
}
