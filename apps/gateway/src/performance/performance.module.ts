import { Module } from '@nestjs/common';
import { PerformanceController } from './performance.controller.js';

/** The class period summary and the school report of performance (JSON, XLSX, PDF). */
@Module({ controllers: [PerformanceController] })
export class PerformanceModule {}
