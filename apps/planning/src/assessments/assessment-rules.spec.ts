import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { AcademicYear, PlanTopic } from '#contracts';
import { assessmentWarnings, placedAssessments } from './assessment-rules.js';
import type { ClassAssessmentData, ClassPage } from './class-assessments.js';
import { studyWeeks } from './study-weeks.js';

const CLASS_ID = randomUUID();
let number = 0;
const topic = (title: string, extra: Partial<PlanTopic> = {}): PlanTopic => ({
  id: randomUUID(),
  number: (number += 1),
  title,
  hours: 1,
  plannedDate: null,
  kind: 'control-work',
  ...extra,
});

/** 5Б on Monday 15 September 2025: Russian 1 and 3, mathematics 2 and 4, history 5. */
const DAY = '2025-09-15';
function page(subjectCode: string, subjectName: string, numbers: number[], topics: PlanTopic[], extra: Partial<ClassPage> = {}): ClassPage {
  return {
    pageId: randomUUID(),
    subjectCode,
    subjectName,
    groupId: null,
    groupName: null,
    weeklyLessons: numbers.length * 5,
    annualHours: numbers.length * 5 * 34,
    topics,
    lessons: numbers.map((lessonNumber) => ({ date: DAY, lessonNumber })),
    ...extra,
  };
}

function classOf(...pages: ClassPage[]): ClassAssessmentData {
  return {
    classId: CLASS_ID,
    className: '5Б',
    pages,
    classLessons: pages.flatMap((item) => item.lessons).sort((a, b) => a.lessonNumber - b.lessonNumber),
  };
}

describe('the rules for assessment work (letter СК-228/03)', () => {
  it('R-PLAN-3 (СК-228/03): one assessment a day in a class; a second one on that day is warned about, never refused', () => {
    const math = page('math', 'Математика', [2, 4], [topic('Контрольная работа № 1', { plannedDate: DAY })]);
    const russian = page('russian', 'Русский язык', [1, 3], [topic('Диктант', { plannedDate: DAY, kind: 'dictation' })]);
    const warnings = assessmentWarnings(classOf(math, russian));
    expect(warnings.map((warning) => warning.code)).toEqual(['ASSESSMENTS_SAME_DAY', 'ASSESSMENT_FIRST_OR_LAST_LESSON']);
    expect(warnings[0]).toMatchObject({
      date: DAY,
      pageIds: [russian.pageId, math.pageId],
      message:
        '5Б, 15.09.2025: 2 оценочные процедуры в один день (Русский язык — «Диктант»; Математика — «Контрольная работа № 1»). ' +
        'В классе допускается не более одной оценочной процедуры в день (письмо Рособрнадзора и Минпросвещения СК-228/03).',
    });
  });

  it('R-PLAN-3 (СК-228/03): group pages of one subject at one time are one assessment for the class', () => {
    const group = (name: string) =>
      page('english', 'Английский язык', [2], [topic('Test 1', { plannedDate: DAY })], { groupId: randomUUID(), groupName: name });
    expect(assessmentWarnings(classOf(group('1 группа'), group('2 группа'), page('math', 'Математика', [1, 3], [])))).toEqual([]);
  });

  it('R-PLAN-3 (СК-228/03): not on the first or the last lesson of the day, unless the subject has one lesson a week', () => {
    const russian = page('russian', 'Русский язык', [1, 3], [topic('Проверочная работа', { plannedDate: DAY, kind: 'verification-work' })]);
    const history = page('history', 'История', [5], [topic('Контрольная работа', { plannedDate: DAY })], { weeklyLessons: 1, annualHours: 34 });
    const math = page('math', 'Математика', [2, 4], []);
    const warnings = assessmentWarnings(classOf(russian, history, math));
    expect(warnings.filter((warning) => warning.code === 'ASSESSMENT_FIRST_OR_LAST_LESSON')).toEqual([
      expect.objectContaining({ pageIds: [russian.pageId], lessonNumber: 1, message: expect.stringContaining('на первом уроке дня (1-й урок)') }),
    ]);
  });

  it('R-PLAN-3 (СК-228/03): assessments take at most 10 % of the subject\'s hours in the year', () => {
    const hours = (count: number) => Array.from({ length: count }, (_, index) => topic(`Контрольная работа № ${index + 1}`));
    const fine = page('history', 'История', [5], hours(3), { weeklyLessons: 1, annualHours: 34, lessons: [] });
    const over = page('history', 'История', [5], hours(4), { weeklyLessons: 1, annualHours: 34, lessons: [] });
    expect(assessmentWarnings(classOf(fine))).toEqual([]);
    expect(assessmentWarnings(classOf(over))).toEqual([
      expect.objectContaining({
        code: 'ASSESSMENTS_OVER_TEN_PERCENT',
        message:
          'История, 5Б: на оценочные процедуры отведено 4 ч из 34 ч в год (11,8 %). На них отводится не более 10 % учебного ' +
          'времени предмета в классе (письмо Рособрнадзора и Минпросвещения СК-228/03).',
      }),
    ]);
  });

  it('R-PLAN-3 (СК-228/03): the schedule lists assessments by date and lesson, ordinary lessons left out', () => {
    const math = page('math', 'Математика', [2, 4], [topic('Дроби', { kind: 'lesson' }), topic('Контрольная работа')]);
    expect(placedAssessments(classOf(math)).map(({ date, placed }) => [date, placed.lessonNumber, placed.topic.title])).toEqual([
      [DAY, 4, 'Контрольная работа'],
    ]);
  });

  it('R-CAL-1: the study weeks of a grade come from the school calendar', () => {
    const year: AcademicYear = {
      id: randomUUID(),
      schoolId: randomUUID(),
      label: '2025/2026',
      start: '2025-09-01',
      end: '2025-09-30',
      derived: false,
      daysPerWeek: 5,
      periods: [{ id: randomUUID(), yearId: randomUUID(), kind: 'quarter', number: 1, nameRu: 'I', start: '2025-09-01', end: '2025-09-30', gradeFrom: 1, gradeTo: 11, closed: false }],
      breaks: [{ kind: 'other', nameRu: 'Перерыв', start: '2025-09-22', end: '2025-09-26', gradeFrom: 5, gradeTo: 5 }],
      daysOff: [],
      workingWeekendDays: [],
    };
    // 22 working days in September 2025; grade 5 loses a week of them.
    expect(studyWeeks(year, 4)).toBe(4);
    expect(studyWeeks(year, 5)).toBe(3);
  });
});
