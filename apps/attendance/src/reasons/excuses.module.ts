import { Module } from '@nestjs/common';
import { HistoryModule } from '../history/history.module.js';
import { AbsenceExcuses } from './absence-excuses.js';

/** Class teachers' excuses of students' days, shared by marking, reasons and notices. */
@Module({ imports: [HistoryModule], providers: [AbsenceExcuses], exports: [AbsenceExcuses] })
export class ExcusesModule {}
