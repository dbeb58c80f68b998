import { Module } from '@nestjs/common';
import { PagePrintController } from './page-print.controller.js';

/** The printed journal page (PDF) for a period. */
@Module({ controllers: [PagePrintController] })
export class PagePrintModule {}
