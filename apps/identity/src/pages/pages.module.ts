import { Module } from '@nestjs/common';
import { PageContextService } from './page-context.service.js';
import { PagesController } from './pages.controller.js';
import { PagesService } from './pages.service.js';

@Module({ controllers: [PagesController], providers: [PagesService, PageContextService] })
export class PagesModule {}
