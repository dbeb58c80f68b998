import { randomUUID } from 'node:crypto';
import {
  type AbsenceReason,
  AttendanceEvents,
  type AttendanceStatus,
  IdentityEvents,
  JournalEvents,
  type Lesson,
  type Mark,
  PlanningEvents,
} from '#contracts';
import type { TestEventPublisher } from './test-event-publisher.js';

const BELLS = { 1: { startsAt: '08:30', endsAt: '09:10' }, 2: { startsAt: '09:20', endsAt: '10:00' } } as const;
const YEAR_START = '2026-09-01';

/**
 * An invented school as the other services would describe it in events: grade 5 in two classes (5А, 5Б) in the
 * second quarter of 2026/2027, an English group in 5А, a student moved from 5А to 5Б on 1 December, marks of
 * weighted kinds, topics, homework and attendance.
 */
export class SchoolFixture {
  readonly schoolId = randomUUID();
  readonly yearId = randomUUID();
  readonly periods = { q1: randomUUID(), q2: randomUUID(), q3: randomUUID(), q4: randomUUID(), h1: randomUUID() };
  readonly class5a = randomUUID();
  readonly class5b = randomUUID();
  readonly englishGroup = randomUUID();
  readonly people = {
    ivanov: randomUUID(),
    petrova: randomUUID(),
    sidorov: randomUUID(),
    kuznetsova: randomUUID(),
    belov: randomUUID(),
    teacher: randomUUID(),
    parent: randomUUID(),
  };
  readonly pages = { math5a: randomUUID(), russian5a: randomUUID(), english5a: randomUUID(), math5b: randomUUID() };

  readonly lessons = {
    math5aOct21: this.lesson(this.pages.math5a, this.class5a, 'math', '2026-10-21', 1),
    math5aNov23: this.lesson(this.pages.math5a, this.class5a, 'math', '2026-11-23', 1),
    math5aNov30: this.lesson(this.pages.math5a, this.class5a, 'math', '2026-11-30', 1),
    english5aDec01: this.lesson(this.pages.english5a, this.class5a, 'english', '2026-12-01', 2),
    russian5aDec02: this.lesson(this.pages.russian5a, this.class5a, 'russian', '2026-12-02', 1),
    math5aDec02: this.lesson(this.pages.math5a, this.class5a, 'math', '2026-12-02', 2),
    math5aDec03: this.lesson(this.pages.math5a, this.class5a, 'math', '2026-12-03', 1),
    math5bDec01: this.lesson(this.pages.math5b, this.class5b, 'math', '2026-12-01', 1),
    math5bDec03: this.lesson(this.pages.math5b, this.class5b, 'math', '2026-12-03', 2),
  };

  readonly marks = {
    ivanovMathOct21: this.mark(this.lessons.math5aOct21, this.people.ivanov, 5, 'answer', '04:00'),
    ivanovMathNov30: this.mark(this.lessons.math5aNov30, this.people.ivanov, 3, 'answer', '04:00'),
    ivanovMathDec02: this.mark(this.lessons.math5aDec02, this.people.ivanov, 4, 'answer', '05:00'),
    petrovaMathNov30: this.mark(this.lessons.math5aNov30, this.people.petrova, 2, 'answer', '04:01'),
    petrovaMathDec02: this.mark(this.lessons.math5aDec02, this.people.petrova, 3, 'answer', '05:01'),
    petrovaRussianTest: this.mark(this.lessons.russian5aDec02, this.people.petrova, 5, 'test', '04:00'),
    petrovaRussianAnswer: this.mark(this.lessons.russian5aDec02, this.people.petrova, 2, 'answer', '04:05'),
    sidorovMath5a: this.mark(this.lessons.math5aNov23, this.people.sidorov, 5, 'answer', '04:00'),
    sidorovMath5b: this.mark(this.lessons.math5bDec01, this.people.sidorov, 4, 'answer', '04:00'),
    belovMath5b: this.mark(this.lessons.math5bDec01, this.people.belov, 5, 'answer', '04:02'),
  };

  /** Marks entered through the journal: all but Сидоров's history in 5А, which was imported. */
  enteredMarks(): Mark[] {
    return Object.values(this.marks).filter((mark) => mark !== this.marks.sidorovMath5a);
  }

  /** The import of Сидоров's history in 5А: one lesson with its topic and his mark. */
  importedLessons() {
    const lesson = this.lessons.math5aNov23;
    return { lessons: [{ ...this.content(lesson, 'Десятичные дроби', null), marks: [this.marks.sidorovMath5a] }] };
  }

  /** Everything the other services would have published, in the order they would have published it. */
  async publish(publisher: TestEventPublisher): Promise<void> {
    const { people, schoolId } = this;
    await publisher.publish(IdentityEvents.schoolSaved, {
      schoolId,
      name: 'МБОУ «Тестовая СОШ № 7»',
      timeZone: 'Asia/Yekaterinburg',
      markScaleMin: 2,
      workKinds: [
        { code: 'answer', nameRu: 'Ответ на уроке', weight: '1' },
        { code: 'test', nameRu: 'Контрольная работа', weight: '2' },
      ],
    });
    const person = (personId: string, lastName: string, firstName: string, middleName: string | null = null) => ({
      personId,
      lastName,
      firstName,
      middleName,
    });
    await publisher.publish(IdentityEvents.peopleSaved, {
      people: [
        person(people.ivanov, 'Иванов', 'Иван', 'Петрович'),
        person(people.petrova, 'Петрова', 'Анна', 'Сергеевна'),
        person(people.sidorov, 'Сидоров', 'Пётр'),
        person(people.kuznetsova, 'Кузнецова', 'Мария', 'Олеговна'),
        person(people.belov, 'Белов', 'Олег'),
        person(people.teacher, 'Смирнова', 'Ольга', 'Ивановна'),
        person(people.parent, 'Иванова', 'Елена'),
      ],
    });
    const schoolClass = (classId: string, letter: string, classTeacherId: string | null) => ({
      classId,
      schoolId,
      academicYear: '2026/2027',
      grade: 5,
      letter,
      classTeacherId,
    });
    await publisher.publish(IdentityEvents.classesSaved, {
      classes: [schoolClass(this.class5a, 'А', people.teacher), schoolClass(this.class5b, 'Б', null)],
    });
    await publisher.publish(IdentityEvents.groupsSaved, {
      groups: [{ groupId: this.englishGroup, classId: this.class5a, subjectCode: 'english', name: 'Английский, 1 гр.' }],
    });
    const enrollment = (studentId: string, classId: string, from: string, to: string | null = null) => ({
      enrollmentId: randomUUID(),
      studentId,
      classId,
      from,
      to,
    });
    await publisher.publish(IdentityEvents.enrollmentsSaved, {
      enrollments: [
        enrollment(people.ivanov, this.class5a, YEAR_START),
        enrollment(people.petrova, this.class5a, YEAR_START),
        enrollment(people.kuznetsova, this.class5a, YEAR_START),
        enrollment(people.sidorov, this.class5a, YEAR_START, '2026-11-30'),
        enrollment(people.sidorov, this.class5b, '2026-12-01'),
        enrollment(people.belov, this.class5b, YEAR_START),
      ],
    });
    await publisher.publish(IdentityEvents.groupMembershipsSaved, {
      memberships: [
        { membershipId: randomUUID(), studentId: people.ivanov, groupId: this.englishGroup, from: YEAR_START, to: null },
      ],
    });
    await publisher.publish(IdentityEvents.guardianshipsSaved, {
      guardianships: [{ parentId: people.parent, studentId: people.ivanov }],
    });
    const page = (pageId: string, classId: string, subjectCode: string, groupId: string | null = null) => ({
      pageId,
      schoolId,
      classId,
      groupId,
      subjectCode,
      assignments: [{ teacherId: people.teacher, from: YEAR_START, to: null }],
    });
    await publisher.publish(IdentityEvents.pagesSaved, {
      pages: [
        page(this.pages.math5a, this.class5a, 'math'),
        page(this.pages.russian5a, this.class5a, 'russian'),
        page(this.pages.english5a, this.class5a, 'english', this.englishGroup),
        page(this.pages.math5b, this.class5b, 'math'),
      ],
    });
    await publisher.publish(PlanningEvents.yearSaved, this.year());
    await publisher.publish(PlanningEvents.subjectsSaved, {
      subjects: [
        { schoolId, code: 'math', nameRu: 'Математика', marked: true },
        { schoolId, code: 'russian', nameRu: 'Русский язык', marked: true },
        { schoolId, code: 'english', nameRu: 'Английский язык', marked: true },
      ],
    });
    await publisher.publish(PlanningEvents.lessonsScheduled, { yearId: this.yearId, lessons: Object.values(this.lessons) });
    await publisher.publish(JournalEvents.lessonsImported, this.importedLessons());
    await publisher.publish(
      JournalEvents.lessonContentSaved,
      this.content(this.lessons.math5aNov30, 'Обыкновенные дроби', null),
    );
    await publisher.publish(
      JournalEvents.lessonContentSaved,
      this.content(this.lessons.math5aDec02, 'Сложение дробей', '№ 245, 246'),
    );
    await publisher.publish(JournalEvents.marksSaved, { marks: this.enteredMarks() });
    await publisher.publish(AttendanceEvents.entriesSaved, {
      entries: [
        this.attendance(this.lessons.math5aDec03, people.ivanov, 'absent', { reason: 'illness' }),
        this.attendance(this.lessons.math5aDec03, people.petrova, 'late', { minutesLate: 10 }),
      ],
    });
  }

  attendance(
    lesson: Lesson,
    studentId: string,
    status: AttendanceStatus,
    details: { reason?: AbsenceReason; minutesLate?: number; version?: number } = {},
  ) {
    return {
      lessonId: lesson.id,
      studentId,
      status,
      reason: details.reason ?? null,
      minutesLate: details.minutesLate ?? null,
      recordedAt: `${lesson.date}T04:10:00.000Z`,
      recordedBy: this.people.teacher,
      version: details.version ?? 1,
    };
  }

  private lesson(pageId: string, classId: string, subjectCode: string, date: string, lessonNumber: 1 | 2): Lesson {
    return {
      id: randomUUID(),
      schoolId: this.schoolId,
      yearId: this.yearId,
      pageId,
      classId,
      grade: 5,
      subjectCode,
      date,
      lessonNumber,
      ...BELLS[lessonNumber],
      status: 'scheduled',
    };
  }

  /** A mark entered at `timeUtc` on the lesson's day. */
  private mark(lesson: Lesson, studentId: string, value: number, workKind: string, timeUtc: string): Mark {
    return {
      id: randomUUID(),
      lessonId: lesson.id,
      pageId: lesson.pageId,
      studentId,
      value,
      workKind,
      comment: null,
      enteredAt: `${lesson.date}T${timeUtc}:00.000Z`,
      enteredBy: this.people.teacher,
      late: false,
      version: 1,
    };
  }

  private content(lesson: Lesson, topic: string, homework: string | null) {
    return {
      lessonId: lesson.id,
      pageId: lesson.pageId,
      topic,
      homework,
      version: 1,
      enteredAt: `${lesson.date}T04:00:00.000Z`,
      late: false,
    };
  }

  year() {
    const quarter = (id: string, number: number, start: string, end: string) =>
      this.period(id, 'quarter', number, start, end);
    return {
      id: this.yearId,
      schoolId: this.schoolId,
      label: '2026/2027',
      start: YEAR_START,
      end: '2027-05-31',
      derived: false,
      daysPerWeek: 5 as const,
      periods: [
        quarter(this.periods.q1, 1, YEAR_START, '2026-10-24'),
        quarter(this.periods.q2, 2, '2026-11-05', '2026-12-28'),
        quarter(this.periods.q3, 3, '2027-01-12', '2027-03-20'),
        quarter(this.periods.q4, 4, '2027-03-30', '2027-05-26'),
        this.period(this.periods.h1, 'half-year', 1, YEAR_START, '2026-12-28'),
      ],
      breaks: [
        {
          kind: 'autumn' as const,
          nameRu: 'Осенние каникулы',
          start: '2026-10-25',
          end: '2026-11-04',
          gradeFrom: 1,
          gradeTo: 11,
        },
      ],
      daysOff: [],
      workingWeekendDays: [],
    };
  }

  private period(id: string, kind: 'quarter' | 'half-year', number: number, start: string, end: string) {
    return {
      id,
      yearId: this.yearId,
      kind,
      number,
      nameRu: kind === 'quarter' ? `${number} четверть` : `${number} полугодие`,
      start,
      end,
      gradeFrom: kind === 'quarter' ? 2 : 10,
      gradeTo: kind === 'quarter' ? 9 : 11,
      closed: false,
    };
  }
}
