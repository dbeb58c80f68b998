import { addDays } from '#domain';
import { assertPlanApplicable } from './assert-plan-applicable.js';
import { splitFullName } from './person-name-rules.js';
import type { RosterImportApplier, RosterImportResult } from './roster-import-applier.js';
import type { PersonRef, RosterImportPlan } from './roster-import-plan.js';
import type { RosterSnapshot, RosterSnapshotSource, SnapshotClass, SnapshotPerson, SnapshotQuery } from './roster-snapshot.js';

export const SCHOOL = '5c000000-0000-4000-8000-000000000001';
export const OTHER_SCHOOL = '5c000000-0000-4000-8000-000000000002';
export const YEAR = '2025/2026';

/** A deterministic id for tests: the n-th of a kind. */
export function testId(kind: number, n: number): string {
  return `${String(kind).padStart(8, '0')}-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

export function schoolClass(n: number, label: string, schoolId = SCHOOL, academicYear = YEAR): SnapshotClass {
  const match = /^(\d+)(.+)$/.exec(label)!;
  return { id: testId(2, n), schoolId, academicYear, grade: Number(match[1]), letter: match[2]! };
}

export function person(n: number, fullName: string, data: Partial<Omit<SnapshotPerson, 'id'>> = {}): SnapshotPerson {
  const name = splitFullName(fullName)!;
  return { id: testId(1, n), ...name, birthDate: null, document: null, snils: null, phones: [], ...data };
}

/**
 * The journal's roster in memory: a RosterSnapshotSource that returns all it holds, and a RosterImportApplier that
 * carries plans out the way phase 2's applier must (see RosterImportApplier) — the reference for its behaviour.
 */
export class InMemoryRoster implements RosterSnapshotSource, RosterImportApplier {
  readonly queries: SnapshotQuery[] = [];
  private created = 0;

  constructor(public snapshot: RosterSnapshot) {}

  load(query: SnapshotQuery): Promise<RosterSnapshot> {
    this.queries.push(query);
    return Promise.resolve(structuredClone(this.snapshot));
  }

  apply(plan: RosterImportPlan): Promise<RosterImportResult> {
    return Promise.resolve().then(() => this.applyNow(plan));
  }

  private applyNow(plan: RosterImportPlan): RosterImportResult {
    assertPlanApplicable(plan);
    const next = structuredClone(this.snapshot);
    const createdPeople: Record<string, string> = {};
    for (const entry of plan.createPeople) {
      this.created += 1;
      const id = testId(9, this.created);
      createdPeople[entry.key] = id;
      const { name, birthDate, document, snils, phone } = entry;
      next.people.push({ id, ...name, birthDate, document, snils, phones: phone === null ? [] : [phone] });
    }
    const idOf = (ref: PersonRef): string => ('existing' in ref ? ref.existing : createdPeople[ref.created]!);
    for (const fill of plan.fillPersonalData) {
      const target = next.people.find((candidate) => candidate.id === fill.personId)!;
      for (const field of ['birthDate', 'document', 'snils'] as const) {
        const value = fill[field];
        if (value !== undefined) target[field] = value;
      }
      if (fill.phone !== undefined) target.phones = [fill.phone];
    }
    for (const transfer of plan.makeTransfers) {
      const running = next.enrollments.find(
        (enrollment) =>
          enrollment.studentId === transfer.studentId &&
          enrollment.classId === transfer.fromClassId &&
          (enrollment.to === null || enrollment.to >= transfer.date),
      )!;
      running.to = addDays(transfer.date, -1);
      next.enrollments.push({ studentId: transfer.studentId, classId: transfer.toClassId, from: transfer.date, to: null });
    }
    for (const enrollment of plan.addEnrollments) {
      next.enrollments.push({ studentId: idOf(enrollment.student), classId: enrollment.classId, from: enrollment.from, to: null });
    }
    for (const guardianship of plan.addGuardianships) {
      next.guardianships.push({ parentId: idOf(guardianship.parent), studentId: idOf(guardianship.student) });
    }
    this.snapshot = next;
    return { createdPeople, summary: plan.summary };
  }
}
