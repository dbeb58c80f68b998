import { Module } from '@nestjs/common';
import { AttendanceHistoryWriter } from './attendance-history.writer.js';

@Module({ providers: [AttendanceHistoryWriter], exports: [AttendanceHistoryWriter] })
export class HistoryModule {}
