import type { PersonName } from '#contracts';

export interface PlanPerson {
  key: string;
  name: PersonName;
}

export interface PlanStudent extends PlanPerson {
  /** The calendar year the student started grade 1. */
  cohort: number;
  letter: string;
  /** The student's usual level, a mean mark between 2.8 and 4.9. */
  ability: number;
}

export interface PlanFamily {
  key: string;
  parentKeys: string[];
  childKeys: string[];
}

export interface PlanClass {
  key: string;
  yearLabel: string;
  grade: number;
  letter: string;
  classTeacherKey: string | null;
}

export interface PlanEnrollment {
  studentKey: string;
  classKey: string;
  from: string;
  to: string | null;
}

export interface PlanGroup {
  key: string;
  classKey: string;
  subjectCode: string;
  name: string;
}

export interface PlanMembership {
  studentKey: string;
  groupKey: string;
  from: string;
  to: string | null;
}

export interface PlanPage {
  key: string;
  yearLabel: string;
  classKey: string;
  grade: number;
  groupKey: string | null;
  subjectCode: string;
  hoursPerWeek: number;
  teacherKey: string;
}

export interface PlanSlot {
  pageKey: string;
  subjectCode: string;
  weekday: number;
  lessonNumber: number;
}

export type DemoRole = 'director' | 'deputy' | 'coordinator' | 'sysadmin' | 'teacher' | 'parent' | 'student';

export interface DemoLogin {
  login: string;
  personKey: string;
  roles: DemoRole[];
  /** What the login is good for, in Russian, for the README and the start-up banner. */
  descriptionRu: string;
  /** Also registered with the development OpenID provider (others exist only as accounts). */
  canSignIn: boolean;
}
