import { type AssessmentWarning, isAssessmentKind, PLAN_TOPIC_KIND_NAMES, type PlanTopicKind } from '#contracts';
import { russianDate } from '#spreadsheet';
import { type PlacedTopic, placeTopics } from '../thematic-plans/topic-placement.js';
import type { ClassAssessmentData, ClassPage } from './class-assessments.js';

/** An assessment of a page laid on the calendar: its date and first lesson, and every lesson it takes. */
export interface PlacedAssessment {
  page: ClassPage;
  placed: PlacedTopic;
  date: string;
}

const LETTER = 'письмо Рособрнадзора и Минпросвещения СК-228/03';

function procedures(count: number): string {
  const tens = count % 100;
  const ones = count % 10;
  if (tens < 11 || tens > 14) {
    if (ones === 1) return `${count} оценочная процедура`;
    if (ones >= 2 && ones <= 4) return `${count} оценочные процедуры`;
  }
  return `${count} оценочных процедур`;
}

function subjectOf(page: ClassPage): string {
  return page.groupName ? `${page.subjectName} (${page.groupName})` : page.subjectName;
}

function percent(part: number, whole: number): string {
  return String(Math.round((part * 1000) / whole) / 10).replace('.', ',');
}

/** The assessments of a class's pages on the calendar, in date order (the schedule is made of them). */
export function placedAssessments(data: ClassAssessmentData): PlacedAssessment[] {
  const assessments: PlacedAssessment[] = [];
  for (const page of data.pages) {
    for (const placed of placeTopics(page.topics, page.lessons)) {
      if (!isAssessmentKind(placed.topic.kind) || placed.expectedDate === null) continue;
      assessments.push({ page, placed, date: placed.expectedDate });
    }
  }
  return assessments.sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      (a.placed.lessonNumber ?? 99) - (b.placed.lessonNumber ?? 99) ||
      a.page.subjectName.localeCompare(b.page.subjectName, 'ru') ||
      a.placed.topic.number - b.placed.topic.number,
  );
}

/** The dates an assessment falls on: those of the lessons it takes, or its planned date when it takes none. */
function datesOf(assessment: PlacedAssessment): string[] {
  const dates = assessment.placed.lessons.map((lesson) => lesson.date);
  return dates.length > 0 ? [...new Set(dates)] : [assessment.date];
}

/**
 * At most one assessment per class per day. Assessments of group pages of one subject at one time are one for the
 * class (each student writes one of them); a topic of two lessons on one day is one assessment.
 */
function sameDay(data: ClassAssessmentData, assessments: readonly PlacedAssessment[]): AssessmentWarning[] {
  const byDate = new Map<string, Map<string, PlacedAssessment[]>>();
  for (const assessment of assessments) {
    const key = assessment.page.groupId ? `subject:${assessment.page.subjectCode}` : `topic:${assessment.placed.topic.id}`;
    for (const date of datesOf(assessment)) {
      const day = byDate.get(date) ?? new Map<string, PlacedAssessment[]>();
      day.set(key, [...(day.get(key) ?? []), assessment]);
      byDate.set(date, day);
    }
  }
  const warnings: AssessmentWarning[] = [];
  for (const [date, day] of [...byDate].sort(([a], [b]) => a.localeCompare(b))) {
    if (day.size < 2) continue;
    const involved = [...day.values()].flat();
    const list = involved.map(({ page, placed }) => `${subjectOf(page)} — «${placed.topic.title}»`).join('; ');
    warnings.push({
      code: 'ASSESSMENTS_SAME_DAY',
      message:
        `${data.className}, ${russianDate(date)}: ${procedures(day.size)} в один день (${list}). ` +
        `В классе допускается не более одной оценочной процедуры в день (${LETTER}).`,
      classId: data.classId,
      pageIds: [...new Set(involved.map(({ page }) => page.pageId))],
      topicIds: involved.map(({ placed }) => placed.topic.id),
      date,
      lessonNumber: null,
    });
  }
  return warnings;
}

/** Assessments of a subject take at most 10 % of its hours in the year in the class. */
function tenPercent(data: ClassAssessmentData): AssessmentWarning[] {
  const warnings: AssessmentWarning[] = [];
  for (const page of data.pages) {
    const assessments = page.topics.filter((topic) => isAssessmentKind(topic.kind));
    const hours = assessments.reduce((sum, topic) => sum + topic.hours, 0);
    if (page.annualHours === null || page.annualHours <= 0 || hours * 10 <= page.annualHours) continue;
    warnings.push({
      code: 'ASSESSMENTS_OVER_TEN_PERCENT',
      message:
        `${subjectOf(page)}, ${data.className}: на оценочные процедуры отведено ${hours} ч из ${page.annualHours} ч в год ` +
        `(${percent(hours, page.annualHours)} %). На них отводится не более 10 % учебного времени предмета в классе (${LETTER}).`,
      classId: data.classId,
      pageIds: [page.pageId],
      topicIds: assessments.map((topic) => topic.id),
      date: null,
      lessonNumber: null,
    });
  }
  return warnings;
}

/** Not on the first or the last lesson of the class's day, unless the subject has one lesson a week. */
function firstOrLast(data: ClassAssessmentData, assessments: readonly PlacedAssessment[]): AssessmentWarning[] {
  const bounds = new Map<string, { first: number; last: number }>();
  for (const lesson of data.classLessons) {
    const day = bounds.get(lesson.date);
    bounds.set(lesson.date, {
      first: Math.min(day?.first ?? lesson.lessonNumber, lesson.lessonNumber),
      last: Math.max(day?.last ?? lesson.lessonNumber, lesson.lessonNumber),
    });
  }
  const warnings: AssessmentWarning[] = [];
  for (const { page, placed } of assessments) {
    if (page.weeklyLessons <= 1) continue;
    const flagged = new Set<string>();
    for (const lesson of placed.lessons) {
      const day = bounds.get(lesson.date);
      if (!day || flagged.has(lesson.date)) continue;
      const where = lesson.lessonNumber === day.first ? 'первом' : lesson.lessonNumber === day.last ? 'последнем' : null;
      if (!where) continue;
      flagged.add(lesson.date);
      warnings.push({
        code: 'ASSESSMENT_FIRST_OR_LAST_LESSON',
        message:
          `${subjectOf(page)}, ${data.className}, ${russianDate(lesson.date)}: «${placed.topic.title}» на ${where} уроке дня ` +
          `(${lesson.lessonNumber}-й урок). Оценочные процедуры не проводятся на первом и последнем уроках, кроме ` +
          `предметов с одним уроком в неделю (${LETTER}).`,
        classId: data.classId,
        pageIds: [page.pageId],
        topicIds: [placed.topic.id],
        date: lesson.date,
        lessonNumber: lesson.lessonNumber,
      });
    }
  }
  return warnings;
}

/** The federal rules for assessment work (letter СК-228/03 of 2021) a class's plans break: warnings, never refusals. */
export function assessmentWarnings(data: ClassAssessmentData): AssessmentWarning[] {
  const assessments = placedAssessments(data);
  return [...sameDay(data, assessments), ...tenPercent(data), ...firstOrLast(data, assessments)];
}

/** The name of a kind of work as the schedule prints it. */
export function kindName(kind: PlanTopicKind): string {
  return PLAN_TOPIC_KIND_NAMES[kind];
}
