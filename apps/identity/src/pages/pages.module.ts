import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module.js';
import { PageContextService } from './page-context.service.js';
import { PagesController } from './pages.controller.js';
import { PagesService } from './pages.service.js';

@Module({ imports: [AccessModule], controllers: [PagesController], providers: [PagesService, PageContextService] })
export class PagesModule {}
