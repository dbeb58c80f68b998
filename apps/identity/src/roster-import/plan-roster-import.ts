import { defaultEnrollmentDate, type RosterImportContext } from './roster-import-context.js';
import type { PersonRef, RosterImportPlan, RosterImportSummary, StudentNotInFile } from './roster-import-plan.js';
import type { RosterFile, RowIssue } from './roster-row.js';
import type { RosterSnapshot } from './roster-snapshot.js';
import { changes, emptyDraft, FILLABLE, RowPlanner, RowRefused, type RowDraft } from './row-planner.js';
import { SnapshotIndex } from './snapshot-index.js';

/** The plan's lists, as rows add to them. */
type PlanLists = Omit<RowDraft, 'newParents'> & { unchangedLines: number[]; errors: RowIssue[] };

function summaryOf(file: RosterFile, lists: PlanLists): RosterImportSummary {
  return {
    rows: file.rowCount,
    studentsToCreate: lists.createPeople.filter((person) => person.role === 'student').length,
    parentsToCreate: lists.createPeople.filter((person) => person.role === 'parent').length,
    enrollments: lists.addEnrollments.length,
    transfers: lists.makeTransfers.length,
    guardianships: lists.addGuardianships.length,
    personalDataFills: lists.fillPersonalData.length,
    unchangedRows: lists.unchangedLines.length,
    errors: lists.errors.length,
  };
}

/**
 * The dry run of a roster import: what the read file would change in the journal as the snapshot shows it. Pure: the
 * same file and snapshot give the same plan, and the plan of a file already applied changes nothing. The import adds
 * people, enrollments, transfers within the school and guardianships, and fills missing personal data; it never
 * removes anyone (students the file does not list are only reported) and never overwrites stored personal data.
 */
export function planRosterImport(file: RosterFile, snapshot: RosterSnapshot, context: RosterImportContext): RosterImportPlan {
  const index = new SnapshotIndex(snapshot, context);
  const { newParents: _none, ...empty } = emptyDraft();
  const lists: PlanLists = { ...empty, unchangedLines: [], errors: [...file.errors] };
  const matchedStudents = new Map<string, number>();
  const plannedParents = new Map<string, PersonRef>();
  const plannedFills = new Map<string, string>();
  const classesInFile = new Set<string>();

  for (const row of file.rows) {
    const planner = new RowPlanner(row, index, context, file, { parents: plannedParents, fills: plannedFills });
    try {
      const planned = planner.plan(matchedStudents);
      classesInFile.add(planned.classId);
      if (planned.studentId !== undefined) matchedStudents.set(planned.studentId, row.line);
    } catch (error) {
      if (!(error instanceof RowRefused)) throw error;
      lists.errors.push(error.issue);
      continue;
    }
    const { draft } = planner;
    lists.createPeople.push(...draft.createPeople);
    lists.fillPersonalData.push(...draft.fillPersonalData);
    lists.addEnrollments.push(...draft.addEnrollments);
    lists.makeTransfers.push(...draft.makeTransfers);
    lists.addGuardianships.push(...draft.addGuardianships);
    lists.notes.push(...draft.notes);
    for (const [key, ref] of draft.newParents) plannedParents.set(key, ref);
    for (const fill of draft.fillPersonalData) {
      for (const field of FILLABLE) {
        const value = fill[field];
        if (value !== undefined) plannedFills.set(`${fill.personId}|${field}`, value);
      }
    }
    if (changes(draft) === 0) lists.unchangedLines.push(row.line);
  }

  const notInFile: StudentNotInFile[] = [];
  const date = defaultEnrollmentDate(context);
  for (const classId of classesInFile) {
    for (const studentId of index.studentsIn(classId, date)) {
      if (!matchedStudents.has(studentId)) notInFile.push({ studentId, classId });
    }
  }
  lists.errors.sort((a, b) => a.line - b.line);
  return { context, ...lists, notInFile, ignoredColumns: file.ignoredColumns, summary: summaryOf(file, lists) };
}
