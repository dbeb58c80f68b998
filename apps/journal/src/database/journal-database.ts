import type { ServiceDatabase } from '#platform';
import { JournalHistoryEntity } from '../history/journal-history.entity.js';
import { LessonRecordEntity } from '../lessons/lesson-record.entity.js';
import { MarkEntity } from '../marks/mark.entity.js';
import { JournalInitial1764806400000 } from './migrations/1764806400000-journal-initial.js';
import { JournalPlanTopicLink1764900200000 } from './migrations/1764900200000-journal-plan-topic-link.js';

export function journalDatabase(url: string): ServiceDatabase {
  return {
    url,
    schema: 'journal',
    entities: [LessonRecordEntity, MarkEntity, JournalHistoryEntity],
    migrations: [JournalInitial1764806400000, JournalPlanTopicLink1764900200000],
  };
}
