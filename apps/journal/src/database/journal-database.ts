import type { ServiceDatabase } from '#platform';
import { LessonColumnEntity } from '../column/lesson-column.entity.js';
import { JournalHistoryEntity } from '../history/journal-history.entity.js';
import { LessonRecordEntity } from '../lessons/lesson-record.entity.js';
import { MarkEntity } from '../marks/mark.entity.js';
import { FinalResultHistoryEntity } from '../results/final-result-history.entity.js';
import { FinalResultEntity } from '../results/final-result.entity.js';
import { JournalInitial1764806400000 } from './migrations/1764806400000-journal-initial.js';
import { JournalPlanTopicLink1764900200000 } from './migrations/1764900200000-journal-plan-topic-link.js';
import { JournalMarkChanges1764900400000 } from './migrations/1764900400000-journal-mark-changes.js';
import { JournalFinalResults1764900500000 } from './migrations/1764900500000-journal-final-results.js';
import { JournalLessonColumns1764900600000 } from './migrations/1764900600000-journal-lesson-columns.js';
import { JournalSchoolTransfer1764901420000 } from './migrations/1764901420000-journal-school-transfer.js';

export function journalDatabase(url: string): ServiceDatabase {
  return {
    url,
    schema: 'journal',
    entities: [LessonRecordEntity, MarkEntity, JournalHistoryEntity, FinalResultEntity, FinalResultHistoryEntity, LessonColumnEntity],
    migrations: [
      JournalInitial1764806400000,
      JournalPlanTopicLink1764900200000,
      JournalMarkChanges1764900400000,
      JournalFinalResults1764900500000,
      JournalLessonColumns1764900600000,
      JournalSchoolTransfer1764901420000,
    ],
  };
}
