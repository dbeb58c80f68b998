import { Module } from '@nestjs/common';
import { AccessFactsController } from './access-facts.controller.js';
import { AccessFactsService } from './access-facts.service.js';

/** The access facts of actors about resources; identity's features decide with them through libs/policy. */
@Module({ controllers: [AccessFactsController], providers: [AccessFactsService], exports: [AccessFactsService] })
export class AccessModule {}
