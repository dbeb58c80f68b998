import { Module } from '@nestjs/common';
import { JournalHistoryWriter } from './journal-history.writer.js';

@Module({ providers: [JournalHistoryWriter], exports: [JournalHistoryWriter] })
export class HistoryModule {}
