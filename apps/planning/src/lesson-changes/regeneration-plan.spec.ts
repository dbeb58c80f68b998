import { describe, expect, it } from '@jest/globals';
import { type CalendarLesson, compareWithTimetable, placeMissing, type TimetablePlace } from './regeneration-plan.js';

const CLASS = 'class-6a';
const place = (pageId: string, date: string, lessonNumber: number, extra: Partial<TimetablePlace> = {}): TimetablePlace => ({
  pageId,
  groupId: null,
  subjectCode: pageId,
  classId: CLASS,
  grade: 6,
  date,
  lessonNumber,
  ...extra,
});
const lesson = (id: string, at: TimetablePlace, changes: Partial<CalendarLesson> = {}): CalendarLesson => ({
  id,
  pageId: at.pageId,
  groupId: at.groupId,
  subjectCode: at.subjectCode,
  classId: at.classId,
  date: at.date,
  lessonNumber: at.lessonNumber,
  status: 'scheduled',
  origin: 'timetable',
  plannedDate: at.date,
  plannedLessonNumber: at.lessonNumber,
  ...changes,
});

describe('comparing the lesson calendar with a changed timetable (R-PLAN-3)', () => {
  it('R-PLAN-3: a lesson whose place is gone is a misfit, a place without a lesson is missing, a kept place is untouched', () => {
    const math = place('math', '2026-12-10', 2);
    const russian = place('russian', '2026-12-10', 2);
    const reading = place('reading', '2026-12-10', 3);
    const { misfits, missing } = compareWithTimetable([russian, reading], [lesson('m', math), lesson('r', reading)], '2026-12-07');
    expect(misfits.map((misfit) => misfit.id)).toEqual(['m']);
    expect(missing).toEqual([russian]);
  });

  it('R-PLAN-3: a moved lesson is matched by where the timetable put it; an extra lesson and a lesson before the date never misfit', () => {
    const math = place('math', '2026-12-10', 2);
    const moved = lesson('moved', math, { date: '2026-12-11', lessonNumber: 5 });
    const extra = lesson('extra', place('math', '2026-12-12', 1), { origin: 'extra', plannedDate: null, plannedLessonNumber: null });
    const past = lesson('past', place('math', '2026-12-03', 2));
    const { misfits, missing } = compareWithTimetable([math], [moved, extra, past], '2026-12-07');
    expect(misfits).toEqual([]);
    expect(missing).toEqual([]);
  });

  it('R-PLAN-3: a new lesson is blocked where the class keeps another lesson, not where a cancelled one or another group stands', () => {
    const english1 = place('english-1', '2026-12-10', 4, { groupId: 'g1', subjectCode: 'english' });
    const english2 = place('english-2', '2026-12-10', 4, { groupId: 'g2', subjectCode: 'english' });
    const physics = place('physics', '2026-12-10', 5);
    const art = place('art', '2026-12-10', 6);
    const kept = [
      lesson('english-1-moved-here', english1, { origin: 'extra' }),
      lesson('conflict', place('history', '2026-12-10', 5)),
      lesson('cancelled', place('music', '2026-12-10', 6), { status: 'cancelled' }),
    ];
    const { added, blocked } = placeMissing([english2, physics, art], kept);
    expect(added).toEqual([english2, art]);
    expect(blocked).toEqual([{ place: physics, blockedBy: 'conflict' }]);
  });
});
