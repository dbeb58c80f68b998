import { randomUUID } from 'node:crypto';
import {
  AttendanceEvents,
  IdentityEvents,
  JournalEvents,
  type Lesson,
  type Mark,
  PlanningEvents,
} from '#contracts';
import type { TestEventPublisher } from './test-event-publisher.js';

const BELLS = { 1: { startsAt: '08:30', endsAt: '09:10' }, 2: { startsAt: '09:20', endsAt: '10:00' } } as const;

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
  readonly lessons: Record<string, Lesson>;
  readonly marks: Record<string, Mark>;

  constructor() {
    const lesson = (pageId: string, classId: string, subjectCode: string, date: string, lessonNumber: 1 | 2): Lesson => ({
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
    });
    this.lessons = {
      math5aOct21: lesson(this.pages.math5a, this.class5a, 'math', '2026-10-21', 1),
      math5aNov23: lesson(this.pages.math5a, this.class5a, 'math', '2026-11-23', 1),
      math5aNov30: lesson(this.pages.math5a, this.class5a, 'math', '2026-11-30', 1),
      english5aDec01: lesson(this.pages.english5a, this.class5a, 'english', '2026-12-01', 2),
      russian5aDec02: lesson(this.pages.russian5a, this.class5a, 'russian', '2026-12-02', 1),
      math5aDec02: lesson(this.pages.math5a, this.class5a, 'math', '2026-12-02', 2),
      math5aDec03: lesson(this.pages.math5a, this.class5a, 'math', '2026-12-03', 1),
      math5bDec01: lesson(this.pages.math5b, this.class5b, 'math', '2026-12-01', 1),
      math5bDec03: lesson(this.pages.math5b, this.class5b, 'math', '2026-12-03', 2),
    };
    this.marks = {
      ivanovMathOct21: this.mark(this.lessons.math5aOct21!, this.people.ivanov, 5, 'answer', '2026-10-21T04:00:00.000Z'),
      ivanovMathNov30: this.mark(this.lessons.math5aNov30!, this.people.ivanov, 3, 'answer', '2026-11-30T04:00:00.000Z'),
      ivanovMathDec02: this.mark(this.lessons.math5aDec02!, this.people.ivanov, 4, 'answer', '2026-12-02T05:00:00.000Z'),
      petrovaMathNov30: this.mark(this.lessons.math5aNov30!, this.people.petrova, 2, 'answer', '2026-11-30T04:01:00.000Z'),
      petrovaMathDec02: this.mark(this.lessons.math5aDec02!, this.people.petrova, 3, 'answer', '2026-12-02T05:01:00.000Z'),
      petrovaRussianTest: this.mark(this.lessons.russian5aDec02!, this.people.petrova, 5, 'test', '2026-12-02T04:00:00.000Z'),
      petrovaRussianAnswer: this.mark(this.lessons.russian5aDec02!, this.people.petrova, 2, 'answer', '2026-12-02T04:05:00.000Z'),
      sidorovMath5a: this.mark(this.lessons.math5aNov23!, this.people.sidorov, 5, 'answer', '2026-11-23T04:00:00.000Z'),
      sidorovMath5b: this.mark(this.lessons.math5bDec01!, this.people.sidorov, 4, 'answer', '2026-12-01T04:00:00.000Z'),
      belovMath5b: this.mark(this.lessons.math5bDec01!, this.people.belov, 5, 'answer', '2026-12-01T04:02:00.000Z'),
    };
  }

  /** Marks entered through the journal (all but the imported history of Сидоров in 5А). */
  enteredMarks(): Mark[] {
    return Object.entries(this.marks)
      .filter(([name]) => name !== 'sidorovMath5a')
      .map(([, mark]) => mark);
  }

  /** Everything the other services would have published, in the order they would have published it. */
  async publish(publisher: TestEventPublisher): Promise<void> {
    const { people } = this;
    await publisher.publish(IdentityEvents.schoolSaved, {
      schoolId: this.schoolId,
      name: 'МБОУ «Тестовая СОШ № 7»',
      timeZone: 'Asia/Yekaterinburg',
      markScaleMin: 2,
      workKinds: [
        { code: 'answer', nameRu: 'Ответ на уроке', weight: '1' },
        { code: 'test', nameRu: 'Контрольная работа', weight: '2' },
      ],
    });
    await publisher.publish(IdentityEvents.peopleSaved, {
      people: [
        { personId: people.ivanov, lastName: 'Иванов', firstName: 'Иван', middleName: 'Петрович' },
        { personId: people.petrova, lastName: 'Петрова', firstName: 'Анна', middleName: 'Сергеевна' },
        { personId: people.sidorov, lastName: 'Сидоров', firstName: 'Пётр', middleName: null },
        { personId: people.kuznetsova, lastName: 'Кузнецова', firstName: 'Мария', middleName: 'Олеговна' },
        { personId: people.belov, lastName: 'Белов', firstName: 'Олег', middleName: null },
        { personId: people.teacher, lastName: 'Смирнова', firstName: 'Ольга', middleName: 'Ивановна' },
        { personId: people.parent, lastName: 'Иванова', firstName: 'Елена', middleName: null },
      ],
    });
    await publisher.publish(IdentityEvents.classesSaved, {
      classes: [
        { classId: this.class5a, schoolId: this.schoolId, academicYear: '2026/2027', grade: 5, letter: 'А', classTeacherId: people.teacher },
        { classId: this.class5b, schoolId: this.schoolId, academicYear: '2026/2027', grade: 5, letter: 'Б', classTeacherId: null },
      ],
    });
    await publisher.publish(IdentityEvents.groupsSaved, {
      groups: [{ groupId: this.englishGroup, classId: this.class5a, subjectCode: 'english', name: 'Английский язык, 1 группа' }],
    });
    await publisher.publish(IdentityEvents.enrollmentsSaved, {
      enrollments: [
        { enrollmentId: randomUUID(), studentId: people.ivanov, classId: this.class5a, from: '2026-09-01', to: null },
        { enrollmentId: randomUUID(), studentId: people.petrova, classId: this.class5a, from: '2026-09-01', to: null },
        { enrollmentId: randomUUID(), studentId: people.kuznetsova, classId: this.class5a, from: '2026-09-01', to: null },
        { enrollmentId: randomUUID(), studentId: people.sidorov, classId: this.class5a, from: '2026-09-01', to: '2026-11-30' },
        { enrollmentId: randomUUID(), studentId: people.sidorov, classId: this.class5b, from: '2026-12-01', to: null },
        { enrollmentId: randomUUID(), studentId: people.belov, classId: this.class5b, from: '2026-09-01', to: null },
      ],
    });
    await publisher.publish(IdentityEvents.groupMembershipsSaved, {
      memberships: [
        { membershipId: randomUUID(), studentId: people.ivanov, groupId: this.englishGroup, from: '2026-09-01', to: null },
      ],
    });
    await publisher.publish(IdentityEvents.guardianshipsSaved, {
      guardianships: [{ parentId: people.parent, studentId: people.ivanov }],
    });
    const assignments = [{ teacherId: people.teacher, from: '2026-09-01', to: null }];
    await publisher.publish(IdentityEvents.pagesSaved, {
      pages: [
        { pageId: this.pages.math5a, schoolId: this.schoolId, classId: this.class5a, groupId: null, subjectCode: 'math', assignments },
        { pageId: this.pages.russian5a, schoolId: this.schoolId, classId: this.class5a, groupId: null, subjectCode: 'russian', assignments },
        { pageId: this.pages.english5a, schoolId: this.schoolId, classId: this.class5a, groupId: this.englishGroup, subjectCode: 'english', assignments },
        { pageId: this.pages.math5b, schoolId: this.schoolId, classId: this.class5b, groupId: null, subjectCode: 'math', assignments },
      ],
    });
    await publisher.publish(PlanningEvents.yearSaved, this.year());
    await publisher.publish(PlanningEvents.subjectsSaved, {
      subjects: [
        { schoolId: this.schoolId, code: 'math', nameRu: 'Математика', marked: true },
        { schoolId: this.schoolId, code: 'russian', nameRu: 'Русский язык', marked: true },
        { schoolId: this.schoolId, code: 'english', nameRu: 'Английский язык', marked: true },
      ],
    });
    await publisher.publish(PlanningEvents.lessonsScheduled, { yearId: this.yearId, lessons: Object.values(this.lessons) });
    await publisher.publish(JournalEvents.lessonsImported, {
      lessons: [
        {
          lessonId: this.lessons.math5aNov23!.id,
          pageId: this.pages.math5a,
          topic: 'Десятичные дроби',
          homework: null,
          version: 1,
          enteredAt: '2026-11-23T04:00:00.000Z',
          late: false,
          marks: [this.marks.sidorovMath5a!],
        },
      ],
    });
    await publisher.publish(JournalEvents.lessonContentSaved, this.content(this.lessons.math5aNov30!, 'Обыкновенные дроби', null));
    await publisher.publish(JournalEvents.lessonContentSaved, this.content(this.lessons.math5aDec02!, 'Сложение дробей', '№ 245, 246'));
    await publisher.publish(JournalEvents.marksSaved, { marks: this.enteredMarks() });
    await publisher.publish(AttendanceEvents.entriesSaved, {
      entries: [
        this.attendance(this.lessons.math5aDec03!, people.ivanov, { status: 'absent', reason: 'illness', minutesLate: null }, 1),
        this.attendance(this.lessons.math5aDec03!, people.petrova, { status: 'late', reason: null, minutesLate: 10 }, 1),
      ],
    });
  }

  attendance(
    lesson: Lesson,
    studentId: string,
    entry: { status: 'present' | 'absent' | 'late'; reason: 'illness' | 'excused' | 'unexcused' | null; minutesLate: number | null },
    version: number,
  ) {
    return {
      lessonId: lesson.id,
      studentId,
      ...entry,
      recordedAt: `${lesson.date}T04:10:00.000Z`,
      recordedBy: this.people.teacher,
      version,
    };
  }

  private mark(lesson: Lesson, studentId: string, value: number, workKind: string, enteredAt: string): Mark {
    return {
      id: randomUUID(),
      lessonId: lesson.id,
      pageId: lesson.pageId,
      studentId,
      value,
      workKind,
      comment: null,
      enteredAt,
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

  private year() {
    const period = (id: string, kind: 'quarter' | 'half-year', number: number, nameRu: string, start: string, end: string) => ({
      id,
      yearId: this.yearId,
      kind,
      number,
      nameRu,
      start,
      end,
      gradeFrom: kind === 'quarter' ? 2 : 10,
      gradeTo: kind === 'quarter' ? 9 : 11,
      closed: false,
    });
    return {
      id: this.yearId,
      schoolId: this.schoolId,
      label: '2026/2027',
      start: '2026-09-01',
      end: '2027-05-31',
      derived: false,
      daysPerWeek: 5 as const,
      periods: [
        period(this.periods.q1, 'quarter', 1, '1 четверть', '2026-09-01', '2026-10-24'),
        period(this.periods.q2, 'quarter', 2, '2 четверть', '2026-11-05', '2026-12-28'),
        period(this.periods.q3, 'quarter', 3, '3 четверть', '2027-01-12', '2027-03-20'),
        period(this.periods.q4, 'quarter', 4, '4 четверть', '2027-03-30', '2027-05-26'),
        period(this.periods.h1, 'half-year', 1, '1 полугодие', '2026-09-01', '2026-12-28'),
      ],
      breaks: [
        { kind: 'autumn' as const, nameRu: 'Осенние каникулы', start: '2026-10-25', end: '2026-11-04', gradeFrom: 1, gradeTo: 11 },
      ],
      daysOff: [],
      workingWeekendDays: [],
    };
  }
}
