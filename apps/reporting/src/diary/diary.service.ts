import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  type AbsenceReason,
  type DiaryMarks,
  type DiaryWeek,
  DomainError,
  ErrorCode,
  type ReportingRpc,
  type RpcRequest,
} from '#contracts';
import { addDays, periodAverage, weekStart } from '#domain';
import { type PeriodMarkRow, periodMarksSql } from '../averages/period-marks-sql.js';
import { type PersonColumns, toPersonName } from '../common/person-row.js';
import { compareRussian } from '../common/russian-order.js';
import { type FinalMarkRow, type FinalMarks, finalMarksOf, finalMarksSql } from '../final-results/final-marks.js';
import { PERIOD_SELECT, type PeriodColumns, toPeriodRef } from '../periods/period-ref.js';
import { periodByIdSql, periodOfClassOnDateSql } from '../periods/period-sql.js';
import { studentLessonIdsSql } from './student-lessons-sql.js';

type DiaryDay = DiaryWeek['days'][number];
type DiaryLesson = DiaryDay['lessons'][number];
type SubjectMarks = DiaryMarks['subjects'][number];

interface WeekRow {
  lesson_id: string;
  lesson_date: string;
  lesson_number: number;
  starts_at: string;
  ends_at: string;
  subject_code: string;
  subject_name: string | null;
  topic: string | null;
  homework: string | null;
  attendance_status: 'absent' | 'late' | null;
  reason: AbsenceReason | null;
  minutes_late: number | null;
  mark_id: string | null;
  value: number | null;
  previous_value: number | null;
  work_kind: string | null;
  work_kind_name: string | null;
  entered_at: Date | null;
}

type MarkColumns = Omit<PeriodMarkRow, 'subject_code'>;
type SubjectMarkRow = { subject_code: string; subject_name: string | null } & (
  | MarkColumns
  | { [K in keyof MarkColumns]: null }
);

const STUDENT_SQL = 'SELECT last_name, first_name, middle_name FROM person WHERE id = $1';

// The student's lessons of Monday..Saturday with what the diary shows of each, one row per lesson and mark.
const WEEK_SQL = `
  WITH week_lessons AS (${studentLessonIdsSql('$1', '$2::date', '$3::date')})
  SELECT l.id AS lesson_id, l.lesson_date, l.lesson_number, l.starts_at, l.ends_at, l.subject_code,
         s.name_ru AS subject_name, c.topic, c.homework,
         a.status AS attendance_status, a.reason, a.minutes_late,
         m.id AS mark_id, m.value, m.previous_value, m.work_kind, wk.name_ru AS work_kind_name, m.entered_at
  FROM week_lessons wl
  JOIN lesson l ON l.id = wl.id
  LEFT JOIN subject s ON s.school_id = l.school_id AND s.code = l.subject_code
  LEFT JOIN lesson_content c ON c.lesson_id = l.id
  LEFT JOIN attendance_entry a ON a.lesson_id = l.id AND a.student_id = $1 AND a.status <> 'present'
  LEFT JOIN mark m ON m.lesson_id = l.id AND m.student_id = $1
  LEFT JOIN work_kind wk ON wk.school_id = l.school_id AND wk.code = m.work_kind
  ORDER BY l.lesson_date, l.lesson_number, l.starts_at, l.id, m.entered_at, m.id`;

// The student and the period asked for: by id, or the period of the student's class on the date.
const STUDENT_PERIOD_ON_DATE_SQL = `
  SELECT p.last_name, p.first_name, p.middle_name, ${PERIOD_SELECT}
  FROM person p
  LEFT JOIN LATERAL (
    SELECT c.school_id, c.academic_year, c.grade
    FROM enrollment e JOIN school_class c ON c.id = e.class_id
    WHERE e.student_id = p.id AND e.date_from <= $2::date AND (e.date_to IS NULL OR e.date_to >= $2::date)
    ORDER BY e.date_from DESC
    LIMIT 1
  ) c ON true
  LEFT JOIN LATERAL (${periodOfClassOnDateSql('c', '$2::date')}) pr ON true
  WHERE p.id = $1`;

// The schools the student has been enrolled in: a period asked for by id must be one of theirs.
const STUDENT_SCHOOLS_SQL = `SELECT c.school_id FROM enrollment e JOIN school_class c ON c.id = e.class_id WHERE e.student_id = p.id`;

const STUDENT_PERIOD_BY_ID_SQL = `
  SELECT p.last_name, p.first_name, p.middle_name, ${PERIOD_SELECT}
  FROM person p
  LEFT JOIN LATERAL (${periodByIdSql('$2', STUDENT_SCHOOLS_SQL)}) pr ON true
  WHERE p.id = $1`;

// Subjects with a lesson of the student or a mark of the student in the period, with those marks.
const PERIOD_SUBJECTS_SQL = `
  WITH student_lessons AS (${studentLessonIdsSql('$1', '$2::date', '$3::date')}),
  period_marks AS (${periodMarksSql('m.student_id = $1', '$2::date', '$3::date')}),
  subjects AS (
    SELECT l.school_id, l.subject_code FROM student_lessons sl JOIN lesson l ON l.id = sl.id
    UNION
    SELECT school_id, subject_code FROM period_marks
  )
  SELECT sj.subject_code, s.name_ru AS subject_name,
         pm.id, pm.student_id, pm.value, pm.previous_value, pm.work_kind, pm.work_kind_name, pm.weight, pm.entered_at,
         pm.lesson_date, pm.school_id
  FROM subjects sj
  LEFT JOIN subject s ON s.school_id = sj.school_id AND s.code = sj.subject_code
  LEFT JOIN period_marks pm ON pm.school_id = sj.school_id AND pm.subject_code = sj.subject_code
  ORDER BY pm.lesson_date, pm.entered_at, pm.id`;

// The student's results for the period and its year (R-REP-4).
const FINAL_MARKS_SQL = finalMarksSql('r.student_id = $1', '$2');

function studentNotFound(): DomainError {
  return new DomainError(ErrorCode.NotFound, 'Ученик не найден');
}

/** The e-diary of a student (R-REP-4), read from the read model only. */
@Injectable()
export class DiaryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async week(request: RpcRequest<typeof ReportingRpc.diaryWeek>): Promise<DiaryWeek> {
    const [student] = await this.dataSource.query<PersonColumns[]>(STUDENT_SQL, [request.studentId]);
    if (!student) throw studentNotFound();
    const monday = weekStart(request.weekStart);
    const rows = await this.dataSource.query<WeekRow[]>(WEEK_SQL, [request.studentId, monday, addDays(monday, 5)]);
    return { studentId: request.studentId, student: toPersonName(student), weekStart: monday, days: toDays(rows) };
  }

  async marks(request: RpcRequest<typeof ReportingRpc.diaryMarks>): Promise<DiaryMarks> {
    const [found] = request.periodId
      ? await this.dataSource.query<Array<PersonColumns & PeriodColumns>>(STUDENT_PERIOD_BY_ID_SQL, [
          request.studentId,
          request.periodId,
        ])
      : await this.dataSource.query<Array<PersonColumns & PeriodColumns>>(STUDENT_PERIOD_ON_DATE_SQL, [
          request.studentId,
          request.date,
        ]);
    if (!found) throw studentNotFound();
    const period = toPeriodRef(found, request);
    const [rows, finalMarks] = await Promise.all([
      this.dataSource.query<SubjectMarkRow[]>(PERIOD_SUBJECTS_SQL, [request.studentId, period.start, period.end]),
      this.dataSource.query<FinalMarkRow[]>(FINAL_MARKS_SQL, [request.studentId, period.id]),
    ]);
    const finalMarksOfStudent = finalMarksOf(finalMarks);
    return {
      studentId: request.studentId,
      period,
      subjects: toSubjects(rows, (subjectCode) => finalMarksOfStudent(request.studentId, subjectCode)),
    };
  }
}

/** A corrected mark shows what it was before ("changed: old → new", R-MARK-7). */
function correctedFrom(previousValue: number | null): { previousValue?: number } {
  return previousValue === null ? {} : { previousValue };
}

function toDays(rows: readonly WeekRow[]): DiaryDay[] {
  const days: DiaryDay[] = [];
  const lessons = new Map<string, DiaryLesson>();
  for (const row of rows) {
    let lesson = lessons.get(row.lesson_id);
    if (!lesson) {
      lesson = toLesson(row);
      lessons.set(row.lesson_id, lesson);
      const day = days.at(-1);
      if (day?.date === row.lesson_date) day.lessons.push(lesson);
      else days.push({ date: row.lesson_date, lessons: [lesson] });
    }
    if (row.mark_id !== null && row.value !== null && row.work_kind !== null && row.entered_at !== null) {
      lesson.marks.push({
        markId: row.mark_id,
        value: row.value,
        workKind: row.work_kind,
        workKindName: row.work_kind_name ?? row.work_kind,
        enteredAt: row.entered_at.toISOString(),
        ...correctedFrom(row.previous_value),
      });
    }
  }
  return days;
}

function toLesson(row: WeekRow): DiaryLesson {
  return {
    lessonId: row.lesson_id,
    lessonNumber: row.lesson_number,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    subjectCode: row.subject_code,
    subjectName: row.subject_name ?? row.subject_code,
    topic: row.topic,
    homework: row.homework,
    marks: [],
    attendance:
      row.attendance_status === null
        ? null
        : { status: row.attendance_status, reason: row.reason, minutesLate: row.minutes_late },
  };
}

function toSubjects(rows: readonly SubjectMarkRow[], finalMarks: (subjectCode: string) => FinalMarks): SubjectMarks[] {
  const bySubject = new Map<string, { subject: SubjectMarks; counted: MarkColumns[] }>();
  for (const row of rows) {
    let entry = bySubject.get(row.subject_code);
    if (!entry) {
      entry = {
        subject: {
          subjectCode: row.subject_code,
          subjectName: row.subject_name ?? row.subject_code,
          marks: [],
          average: null,
          ...finalMarks(row.subject_code),
        },
        counted: [],
      };
      bySubject.set(row.subject_code, entry);
    }
    if (row.id === null) continue;
    entry.counted.push(row);
    entry.subject.marks.push({
      markId: row.id,
      value: row.value,
      workKind: row.work_kind,
      workKindName: row.work_kind_name ?? row.work_kind,
      enteredAt: row.entered_at.toISOString(),
      ...correctedFrom(row.previous_value),
      date: row.lesson_date,
    });
  }
  return [...bySubject.values()]
    .map(({ subject, counted }) => ({ ...subject, average: periodAverage(counted) }))
    .sort((left, right) => compareRussian(left.subjectName, right.subjectName));
}
