import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { PlanTopic } from '#contracts';
import { planChanges } from './plan-changes.js';
import { planDeadline, planDeadlineStatus } from './plan-deadline.js';
import { numberedTopics, sameTopics } from './plan-topics.js';
import { placeTopics } from './topic-placement.js';

const topic = (number: number, title: string, extra: Partial<PlanTopic> = {}): PlanTopic => ({
  id: randomUUID(),
  number,
  title,
  hours: 1,
  plannedDate: null,
  kind: 'lesson',
  ...extra,
});

describe('plan rules', () => {
  it('R-PLAN-2: a revision differs from the one before by topics added, removed and changed (by the stable id)', () => {
    const fractions = topic(1, 'Дроби');
    const decimals = topic(2, 'Десятичные дроби');
    const percent = topic(3, 'Проценты');
    const before = [fractions, decimals, percent];
    const test = topic(1, 'Контрольная работа № 1', { kind: 'control-work' });
    const after = [test, { ...fractions, number: 2 }, { ...percent, number: 3, hours: 3, plannedDate: '2025-10-01' }];
    expect(planChanges(before, after)).toEqual({
      added: [test],
      removed: [decimals],
      changed: [{ topicId: percent.id, before: percent, after: after[2], fields: ['hours', 'plannedDate'] }],
    });
    expect(planChanges([], [fractions])).toEqual({ added: [fractions], removed: [], changed: [] });
  });

  it('R-PLAN-2: topics keep their ids — given, or by title for a re-typed plan — and new ones get new ids', () => {
    const current = [topic(1, 'Дроби'), topic(2, 'Повторение'), topic(3, 'Повторение')];
    const known = new Set(current.map((item) => item.id));
    const saved = numberedTopics(
      [
        { id: current[2]!.id, title: 'Повторение', hours: 2, plannedDate: null, kind: 'lesson' },
        { title: 'повторение ', hours: 1, plannedDate: null, kind: 'lesson' },
        { title: 'Новая тема', hours: 1, plannedDate: null, kind: 'lesson' },
      ],
      current,
      known,
    );
    expect(saved.map((item) => [item.number, item.id === current[2]!.id, item.id === current[1]!.id, known.has(item.id)])).toEqual([
      [1, true, false, true],
      [2, false, true, true],
      [3, false, false, false],
    ]);
    expect(() => numberedTopics([{ id: randomUUID(), title: 'Чужая', hours: 1, plannedDate: null, kind: 'lesson' }], current, known)).toThrow(
      'Тема 1: такой темы в КТП этой страницы не было',
    );
    expect(sameTopics(current, current.map((item) => ({ ...item })))).toBe(true);
    expect(sameTopics(current, [...current].reverse())).toBe(false);
  });

  it('R-PLAN-1: the deadline is 10 September of the school year, judged by the date in the school\'s zone', () => {
    expect(planDeadline('2025/2026')).toBe('2025-09-10');
    const status = (submittedAt: string | null, now: string) =>
      planDeadlineStatus({
        academicYear: '2025/2026',
        submittedAt: submittedAt ? new Date(submittedAt) : null,
        now: new Date(now),
        timeZone: 'Asia/Yekaterinburg',
      });
    expect(status(null, '2025-09-10T23:59:59+05:00')).toBe('missing-not-yet-due');
    // 19:00 UTC on the 10th is already the 11th in Yekaterinburg.
    expect(status(null, '2025-09-10T19:00:00Z')).toBe('missing-overdue');
    expect(status('2025-09-10T18:59:00Z', '2025-10-01T10:00:00+05:00')).toBe('submitted-on-time');
    expect(status('2025-09-10T19:01:00Z', '2025-10-01T10:00:00+05:00')).toBe('submitted-late');
  });

  it('R-PLAN-3: topics fall on the page\'s lessons in plan order; a planned date starts a topic on that day', () => {
    const lessons = [
      { date: '2025-09-01', lessonNumber: 2 },
      { date: '2025-09-02', lessonNumber: 1 },
      { date: '2025-09-02', lessonNumber: 3 },
      { date: '2025-09-08', lessonNumber: 2 },
      { date: '2025-09-09', lessonNumber: 1 },
    ];
    const placed = placeTopics(
      [
        topic(1, 'A', { hours: 2 }),
        topic(2, 'B', { plannedDate: '2025-09-08' }),
        topic(3, 'C'),
        topic(4, 'D', { plannedDate: '2025-09-05' }),
        topic(5, 'E', { hours: 3 }),
      ],
      lessons,
    );
    expect(placed.map(({ expectedDate, lessonNumber, lessons: taken }) => [expectedDate, lessonNumber, taken.length])).toEqual([
      ['2025-09-01', 2, 2],
      ['2025-09-08', 2, 1],
      ['2025-09-09', 1, 1],
      // No lesson of the page on its planned date: the date stays, no lesson is taken.
      ['2025-09-05', null, 0],
      [null, null, 0],
    ]);
  });
});
