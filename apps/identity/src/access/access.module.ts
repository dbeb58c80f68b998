import { Module } from '@nestjs/common';
import { AccessCheck } from './access-check.js';
import { AccessFactsController } from './access-facts.controller.js';
import { AccessFactsService } from './access-facts.service.js';

/** The access facts of actors about resources; identity's features decide with them through libs/policy. */
@Module({ controllers: [AccessFactsController], providers: [AccessFactsService, AccessCheck], exports: [AccessFactsService, AccessCheck] })
export class AccessModule {}
