import type { EntityManager } from 'typeorm';
import { className } from '../classes/class-name.js';
import { scopedQuery } from '../database/scoped-query.js';
import { identityDocumentOf } from './identity-document.js';
import { STUDENT_COLUMNS } from './roster-columns.js';
import type { RosterImportPlan } from './roster-import-plan.js';
import type { RowIssue } from './roster-row.js';

type Queryable = Pick<EntityManager, 'query'>;

const DOCUMENT_NOT_KEPT =
  'Документ не похож ни на паспорт (1234 567890), ни на свидетельство о рождении (IV-ЖА 123456), а номер другого ' +
  'документа — не длиннее 50 символов';

/**
 * What the pure planner cannot see and identity's commands would refuse, as row errors the dry run shows: enrolling
 * into an archived class or enrolling an archived student, and a document identity cannot keep.
 */
export async function storeProblems(manager: Queryable, plan: RosterImportPlan): Promise<RowIssue[]> {
  const targets = [
    ...plan.addEnrollments.map((enrollment) => ({
      line: enrollment.line,
      classId: enrollment.classId,
      studentId: 'existing' in enrollment.student ? enrollment.student.existing : null,
    })),
    ...plan.makeTransfers.map((transfer) => ({ line: transfer.line, classId: transfer.toClassId, studentId: transfer.studentId })),
  ];
  const classIds = [...new Set(targets.map((target) => target.classId))];
  const studentIds = [...new Set(targets.flatMap((target) => (target.studentId === null ? [] : [target.studentId])))];
  const archivedClasses = await scopedQuery<{ id: string; grade: number; letter: string }>(
    manager,
    'SELECT id, grade, letter FROM school_class WHERE id = ANY($1::uuid[]) AND archived_at IS NOT NULL',
    [classIds],
  );
  const archivedStudents = await scopedQuery<{ id: string }>(
    manager,
    'SELECT id FROM person WHERE id = ANY($1::uuid[]) AND archived_at IS NOT NULL',
    [studentIds],
  );
  const archivedClass = new Map(archivedClasses.map((row) => [row.id, className(row.grade, row.letter)]));
  const archivedStudent = new Set(archivedStudents.map((row) => row.id));

  const issues: RowIssue[] = [];
  for (const { line, classId, studentId } of targets) {
    const archived = archivedClass.get(classId);
    if (archived !== undefined) {
      issues.push({ line, column: STUDENT_COLUMNS.className.title, message: `Класс ${archived} в архиве: в него больше не зачисляют` });
    }
    if (studentId !== null && archivedStudent.has(studentId)) {
      issues.push({ line, column: null, message: 'Ученик в архиве: его больше не зачисляют' });
    }
  }
  const documents = [...plan.createPeople, ...plan.fillPersonalData].flatMap((entry) =>
    entry.document === undefined || entry.document === null ? [] : [{ line: entry.line, document: entry.document }],
  );
  for (const { line, document } of documents) {
    if (!identityDocumentOf(document)) issues.push({ line, column: STUDENT_COLUMNS.document.title, message: DOCUMENT_NOT_KEPT });
  }
  return issues;
}

/** The plan with more row errors: it is then not applied (all or nothing). */
export function withProblems(plan: RosterImportPlan, issues: readonly RowIssue[]): RosterImportPlan {
  if (issues.length === 0) return plan;
  const errors = [...plan.errors, ...issues].sort((a, b) => a.line - b.line);
  return { ...plan, errors, summary: { ...plan.summary, errors: errors.length } };
}
