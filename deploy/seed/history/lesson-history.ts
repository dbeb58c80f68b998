import type { AttendanceRpc, JournalRpc, RpcRequest } from '#contracts';
import { addDays, instantAt, marksKeptInGrade } from '#domain';
import { createRandom, type Random } from '../random.js';
import { homeworkFor, topicFor } from './lesson-topics.js';

export type ImportedLesson = RpcRequest<typeof JournalRpc.importLessons>['lessons'][number];
export type ImportedEntry = RpcRequest<typeof AttendanceRpc.importEntries>['entries'][number];

export interface HistoryLesson {
  lessonId: string;
  pageId: string;
  date: string;
  endsAt: string;
  subjectCode: string;
  grade: number;
  /** The lesson's position among its page's lessons of the year, from 0. */
  indexInPage: number;
}

export interface HistoryStudent {
  id: string;
  key: string;
  ability: number;
}

export interface HistoryContext {
  timeZone: string;
  teacherId: string;
  subjectMarked: boolean;
  /** Lessons a week on the page: a teacher of a one-hour subject asks more pupils each lesson. */
  hoursPerWeek: number;
  students: HistoryStudent[];
  isIll: (studentKey: string, date: string) => boolean;
}

/** Illness episodes of a student in a year: a couple of 3–8 day spells, deterministic for the student and year. */
export function illnessCalendar(seed: string, yearStart: string, studentKeys: string[]): (studentKey: string, date: string) => boolean {
  const spells = new Map<string, Array<[string, string]>>();
  for (const key of studentKeys) {
    const random = createRandom(`${seed}:ill:${yearStart}:${key}`);
    const count = random.int(0, 3);
    const list: Array<[string, string]> = [];
    for (let i = 0; i < count; i += 1) {
      const start = addDays(yearStart, random.int(0, 265));
      list.push([start, addDays(start, random.int(3, 8))]);
    }
    spells.set(key, list);
  }
  return (studentKey, date) => (spells.get(studentKey) ?? []).some(([from, to]) => date >= from && date <= to);
}

const PRACTICAL_SUBJECTS = new Set(['physical-education', 'music', 'fine-arts', 'technology']);

/**
 * The chance a present pupil gets a mark in an ordinary lesson: about one in six, more on pages with few lessons a
 * week, so that nearly every pupil has marks enough for a period result, as teachers make sure of.
 */
export function markChance(hoursPerWeek: number): number {
  return Math.max(0.16, 0.45 / Math.max(1, hoursPerWeek));
}

function markAround(random: Random, ability: number): number {
  const noise = (random.next() + random.next() + random.next() - 1.5) * 1.2;
  return Math.min(5, Math.max(2, Math.round(ability + noise)));
}

/**
 * What a teacher recorded for one past lesson: topic, homework, marks (grades 2–11, marked subjects only) and
 * the absences and lates. Every eighth lesson of a page is a test that marks everyone present; a Russian dictation
 * gives two marks (R-MARK-4). A few entries are made the next day (late, R-MARK-3).
 */
export function lessonHistory(seed: string, lesson: HistoryLesson, context: HistoryContext): {
  lesson: ImportedLesson;
  entries: ImportedEntry[];
} {
  const random = createRandom(`${seed}:lesson:${lesson.pageId}:${lesson.date}:${lesson.indexInPage}`);
  const endOfLesson = instantAt(lesson.date, lesson.endsAt, context.timeZone);
  const entered = (late: boolean) =>
    new Date(endOfLesson.getTime() + (late ? 86_400_000 + random.int(0, 7200) * 1000 : random.int(0, 900) * 1000)).toISOString();

  const entries: ImportedEntry[] = [];
  const present: HistoryStudent[] = [];
  for (const student of context.students) {
    const ill = context.isIll(student.key, lesson.date);
    const skipped = !ill && random.chance(0.004);
    const excused = !ill && !skipped && random.chance(0.002);
    if (ill || skipped || excused) {
      entries.push({
        lessonId: lesson.lessonId,
        pageId: lesson.pageId,
        date: lesson.date,
        studentId: student.id,
        status: 'absent',
        reason: ill ? 'illness' : excused ? 'excused' : 'unexcused',
        minutesLate: null,
        recordedAt: entered(false),
      });
      continue;
    }
    present.push(student);
    if (random.chance(0.004)) {
      entries.push({
        lessonId: lesson.lessonId,
        pageId: lesson.pageId,
        date: lesson.date,
        studentId: student.id,
        status: 'late',
        reason: null,
        minutesLate: random.int(3, 15),
        recordedAt: entered(false),
      });
    }
  }

  const marks: ImportedLesson['marks'] = [];
  if (context.subjectMarked && marksKeptInGrade(lesson.grade)) {
    // Tests and dictations belong to academic subjects; PE and the arts are marked for answers and practical work.
    const isTest = lesson.indexInPage % 8 === 7 && !PRACTICAL_SUBJECTS.has(lesson.subjectCode);
    const late = random.chance(0.03);
    for (const student of present) {
      if (isTest) {
        const dictation = lesson.subjectCode === 'russian';
        marks.push({ studentId: student.id, value: markAround(random, student.ability), workKind: dictation ? 'dictation' : 'test', enteredAt: entered(late) });
        if (dictation) marks.push({ studentId: student.id, value: markAround(random, student.ability), workKind: 'dictation', enteredAt: entered(late) });
      } else if (random.chance(markChance(context.hoursPerWeek))) {
        const workKind = PRACTICAL_SUBJECTS.has(lesson.subjectCode)
          ? 'answer'
          : random.pick(['answer', 'answer', 'homework', 'independent', lesson.subjectCode === 'physics' ? 'lab' : 'answer']);
        marks.push({ studentId: student.id, value: markAround(random, student.ability), workKind, enteredAt: entered(late) });
      }
    }
  }

  return {
    lesson: {
      lessonId: lesson.lessonId,
      pageId: lesson.pageId,
      date: lesson.date,
      topic: topicFor(lesson.subjectCode, lesson.indexInPage),
      // No homework in grade 1 (СанПиН 1.2.3685-21).
      homework: lesson.grade === 1 ? null : homeworkFor(lesson.subjectCode, lesson.indexInPage),
      enteredAt: entered(random.chance(0.02)),
      enteredBy: context.teacherId,
      marks,
    },
    entries,
  };
}
