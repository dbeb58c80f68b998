import { Module } from '@nestjs/common';
import { AdminApiClientsController } from './admin-api-clients.controller.js';

@Module({ controllers: [AdminApiClientsController] })
export class AdminApiClientsModule {}
