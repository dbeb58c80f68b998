import { describe, expect, it } from '@jest/globals';
import { DEMO_TRANSFER_DATE, FULL_DEMO_SCHOOL, planDemoSchool } from './demo-school-plan.js';

describe('demo school plan', () => {
  const plan = planDemoSchool(FULL_DEMO_SCHOOL);
  const current = plan.years.at(-1)!;

  it('has about a thousand invented students in grades 1–11 with three or four classes per grade', () => {
    const enrolledNow = new Set(current.enrollments.filter((e) => e.to === null).map((e) => e.studentKey));
    expect(enrolledNow.size).toBeGreaterThan(900);
    expect(enrolledNow.size).toBeLessThan(1100);
    expect(current.classes.filter((c) => c.grade === 5)).toHaveLength(4);
    expect(current.classes.filter((c) => c.grade === 6)).toHaveLength(3);
  });

  it('is the same plan for the same seed', () => {
    const again = planDemoSchool(FULL_DEMO_SCHOOL);
    expect(again.people.map((p) => p.name)).toEqual(plan.people.map((p) => p.name));
  });

  it('timetables every curriculum hour with no teacher in two places at once', () => {
    for (const year of plan.years) {
      expect(year.teacherConflicts).toBe(0);
      for (const page of year.pages) {
        const slots = year.timetable.get(page.classKey)!.filter((slot) => slot.pageKey === page.key);
        expect(slots).toHaveLength(page.hoursPerWeek);
      }
    }
  });

  it('R-CAL-3: split subjects have two groups with two different teachers', () => {
    const english = current.pages.filter((p) => p.classKey.endsWith(':7А') && p.subjectCode === 'foreign-language');
    expect(english).toHaveLength(2);
    expect(new Set(english.map((p) => p.teacherKey)).size).toBe(2);
  });

  it('R-CAL-4: one student moves from one class to its parallel in the middle of the quarter', () => {
    const moves = current.enrollments.filter((e) => e.from === DEMO_TRANSFER_DATE);
    expect(moves).toHaveLength(1);
    const before = current.enrollments.find((e) => e.studentKey === moves[0]!.studentKey && e.from !== DEMO_TRANSFER_DATE);
    expect(before?.to).toBe('2026-11-13');
  });

  it('has a demo login for every role, and a parent with two children', () => {
    const byLogin = new Map(plan.logins.map((login) => [login.login, login]));
    for (const login of ['director', 'deputy', 'coordinator', 'sysadmin', 'teacher', 'classteacher', 'primary', 'parent', 'student']) {
      expect(byLogin.get(login)?.canSignIn).toBe(true);
    }
    const parent = byLogin.get('parent')!;
    expect(plan.families.find((f) => f.parentKeys.includes(parent.personKey))!.childKeys.length).toBeGreaterThanOrEqual(2);
  });
});
