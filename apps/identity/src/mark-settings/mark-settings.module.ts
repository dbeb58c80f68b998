import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module.js';
import { MarkSettingsController } from './mark-settings.controller.js';
import { MarkSettingsService } from './mark-settings.service.js';

/** The school's mark scale and kinds of work with weights, kept by its administration (R-MARK-1, R-MARK-4). */
@Module({ imports: [AccessModule], controllers: [MarkSettingsController], providers: [MarkSettingsService] })
export class MarkSettingsModule {}
