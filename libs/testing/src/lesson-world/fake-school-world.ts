import { randomUUID } from 'node:crypto';
import type { LessonDetails, Page, Person, School, Subject } from '#contracts';

export interface FakeEnrollment {
  student: Person;
  from: string;
  to: string | null;
}

/** A page as identity would know it: who writes (assignments), who else reads, who is enrolled when. */
export interface FakePage {
  page: Page;
  school: School;
  readers: string[];
  enrollments: FakeEnrollment[];
}

export interface LessonOptions {
  marked?: boolean;
  periodClosed?: boolean;
  status?: 'scheduled' | 'cancelled';
}

/**
 * Invented schools, pages and lessons that stand in for what identity and planning know; tests add what they need
 * and the fake responders answer from here.
 */
export class FakeSchoolWorld {
  readonly schools = new Map<string, School>();
  readonly pages = new Map<string, FakePage>();
  readonly lessons = new Map<string, LessonDetails>();
  /** Parents of each student (by the student's id). */
  readonly guardians = new Map<string, string[]>();
  /** The teacher substituting each lesson (by the lesson's id). */
  readonly substitutes = new Map<string, string>();

  addGuardian(parentId: string, studentId: string): void {
    this.guardians.set(studentId, [...(this.guardians.get(studentId) ?? []), parentId]);
  }

  addSubstitute(lessonId: string, teacherId: string): void {
    this.substitutes.set(lessonId, teacherId);
  }

  addSchool(settings: Partial<Omit<School, 'id'>> = {}): School {
    const school: School = {
      id: randomUUID(),
      name: 'МБОУ «Тестовая СОШ № 7»',
      timeZone: 'Asia/Yekaterinburg',
      markScaleMin: 2,
      workKinds: [
        { code: 'answer', nameRu: 'Ответ на уроке', weight: '1' },
        { code: 'dictation', nameRu: 'Диктант', weight: '1.5' },
      ],
      ...settings,
    };
    this.schools.set(school.id, school);
    return school;
  }

  addPage(
    school: School,
    options: {
      grade: number;
      teacherId: string;
      assignedTo?: string | null;
      readers?: string[];
      enrollments?: FakeEnrollment[];
      /** Another page of the same class (another subject); a new class by default. */
      classId?: string;
      subjectCode?: string;
    },
  ): Page {
    const page: Page = {
      id: randomUUID(),
      schoolId: school.id,
      classId: options.classId ?? randomUUID(),
      className: `${options.grade}А`,
      grade: options.grade,
      academicYear: '2026/2027',
      subjectCode: options.subjectCode ?? 'math',
      groupId: null,
      groupName: null,
      assignments: [{ teacherId: options.teacherId, from: '2026-09-01', to: options.assignedTo ?? null }],
    };
    this.pages.set(page.id, { page, school, readers: options.readers ?? [], enrollments: options.enrollments ?? [] });
    return page;
  }

  addLesson(page: Page, date: string, options: LessonOptions = {}): string {
    const subject: Subject = options.marked === false
      ? { schoolId: page.schoolId, code: 'orkse', nameRu: 'Основы религиозных культур и светской этики', marked: false }
      : { schoolId: page.schoolId, code: 'math', nameRu: 'Математика', marked: true };
    const yearId = randomUUID();
    const details: LessonDetails = {
      lesson: {
        id: randomUUID(),
        schoolId: page.schoolId,
        yearId,
        pageId: page.id,
        classId: page.classId,
        grade: page.grade,
        subjectCode: subject.code,
        date,
        lessonNumber: 2,
        startsAt: '09:00',
        endsAt: '09:45',
        status: options.status ?? 'scheduled',
      },
      subject,
      period: {
        id: randomUUID(),
        yearId,
        kind: 'quarter',
        number: 2,
        nameRu: '2 четверть',
        start: '2026-11-09',
        end: '2026-12-28',
        gradeFrom: 1,
        gradeTo: 9,
        closed: options.periodClosed ?? false,
      },
      yearLabel: '2026/2027',
    };
    this.lessons.set(details.lesson.id, details);
    return details.lesson.id;
  }
}
