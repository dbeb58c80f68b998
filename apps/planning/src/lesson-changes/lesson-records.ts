import { Injectable } from '@nestjs/common';
import { type Actor, AttendanceRpc, JournalRpc, type LessonHoldings, LESSONS_PER_RECORDS_QUERY } from '#contracts';
import { RpcClient } from '#platform';

/** Planning asks the services that keep records as itself: they answer counts only, never whose records. */
const PLANNING: Actor = { kind: 'system', name: 'planning' };

const NOTHING: LessonHoldings = { marks: 0, deletedMarks: 0, topic: false, homework: false, attendance: 0, attendanceChanges: 0 };

/** What the journal and attendance hold for lessons: a lesson holding anything is never silently dropped (R-PLAN-3). */
@Injectable()
export class LessonRecords {
  constructor(private readonly rpc: RpcClient) {}

  /** The lessons that hold anything, with what they hold; lessons holding nothing are left out. */
  async of(lessonIds: readonly string[]): Promise<Map<string, LessonHoldings>> {
    const holdings = new Map<string, LessonHoldings>();
    const holdingsOf = (lessonId: string) => holdings.get(lessonId) ?? { ...NOTHING };
    for (let index = 0; index < lessonIds.length; index += LESSONS_PER_RECORDS_QUERY) {
      const chunk = lessonIds.slice(index, index + LESSONS_PER_RECORDS_QUERY);
      const [journal, attendance] = await Promise.all([
        this.rpc.call(JournalRpc.lessonsWithRecords, { lessonIds: chunk }, { actor: PLANNING }),
        this.rpc.call(AttendanceRpc.lessonsWithRecords, { lessonIds: chunk }, { actor: PLANNING }),
      ]);
      for (const { lessonId, marks, deletedMarks, topic, homework } of journal.lessons) {
        holdings.set(lessonId, { ...holdingsOf(lessonId), marks, deletedMarks, topic, homework });
      }
      for (const { lessonId, entries, changes } of attendance.lessons) {
        holdings.set(lessonId, { ...holdingsOf(lessonId), attendance: entries, attendanceChanges: changes });
      }
    }
    return holdings;
  }
}
