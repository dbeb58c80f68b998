import { Module } from '@nestjs/common';
import { PagePrintController } from './page-print.controller.js';
import { PagePrintService } from './page-print.service.js';

@Module({ controllers: [PagePrintController], providers: [PagePrintService] })
export class PagePrintModule {}
