import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  DomainError,
  ErrorCode,
  type PersonName,
  type RosterImportOutcome,
  type RosterImportPreview,
  type RosterImportRpc,
  type RpcRequest,
} from '#contracts';
import { Clock, OutboxWriter } from '#platform';
import { logAuthor } from '../access-log/log-author.js';
import { className } from '../classes/class-name.js';
import { scopedQuery } from '../database/scoped-query.js';
import { EnrollmentCommands } from '../roster/enrollment-commands.js';
import { assertPlanApplicable } from './assert-plan-applicable.js';
import { planDigest } from './plan-digest.js';
import { prepareRosterImport, type RosterUpload } from './prepare-roster-import.js';
import { rosterUploadOf } from './roster-file-content.js';
import { RosterFilesAccess, type RosterFilesScope } from './roster-files-access.js';
import type { RosterImportContext } from './roster-import-context.js';
import type { RosterImportPlan } from './roster-import-plan.js';
import { previewOf, previewReferences } from './roster-import-preview.js';
import { storeProblems, withProblems } from './store-problems.js';
import { StoredRosterImportApplier } from './stored-roster-import-applier.js';
import { StoredRosterSnapshot } from './stored-roster-snapshot.js';

type Queryable = Pick<EntityManager, 'query'>;

const PERSONAL_DATA_REFUSED =
  'Персональные данные (дата рождения, СНИЛС, документ, телефоны) загружает только администрация из списка допущенных ' +
  'к персональным данным школы: уберите эти столбцы из файла или передайте файл администрации';

/** Whether the plan writes any personal data (R-ACC-2). */
function writesPersonalData(plan: RosterImportPlan): boolean {
  const given = (value: string | null | undefined) => value !== null && value !== undefined;
  return (
    plan.fillPersonalData.length > 0 ||
    plan.createPeople.some((entry) => given(entry.birthDate) || given(entry.document) || given(entry.snils) || given(entry.phone))
  );
}

function changesNothing(plan: RosterImportPlan): boolean {
  return (
    plan.createPeople.length + plan.fillPersonalData.length + plan.addEnrollments.length + plan.makeTransfers.length + plan.addGuardianships.length ===
    0
  );
}

/** The existing students a plan moves or enrolls: their rows are locked before the plan is prepared for good. */
function studentsOf(plan: RosterImportPlan): string[] {
  const ids = [
    ...plan.makeTransfers.map((transfer) => transfer.studentId),
    ...plan.addEnrollments.flatMap((enrollment) => ('existing' in enrollment.student ? [enrollment.student.existing] : [])),
  ];
  return [...new Set(ids)].sort();
}

/**
 * Roster import from a file (R-DATA-2, README.md): the dry run plans the file against the roster as it is; applying
 * plans it again in one transaction, refuses a plan with row errors or one whose digest differs from the dry run's,
 * and carries it out whole with identity's roster steps. Imports of one school run one at a time.
 */
@Injectable()
export class RosterImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly files: RosterFilesAccess,
    private readonly enrollments: EnrollmentCommands,
  ) {}

  async dryRun({ schoolId, academicYear, file }: RpcRequest<typeof RosterImportRpc.dryRun>): Promise<RosterImportPreview> {
    const scope = await this.files.scope('schools.roster-import', schoolId, academicYear);
    const upload = rosterUploadOf(file);
    const plan = await this.prepare(this.dataSource.manager, upload, this.contextOf(scope));
    this.assertMayWritePersonalData(plan, scope);
    return previewOf(plan, planDigest(plan), await this.namesFor(plan));
  }

  async apply({ schoolId, academicYear, file, digest }: RpcRequest<typeof RosterImportRpc.apply>): Promise<RosterImportOutcome> {
    const scope = await this.files.scope('schools.roster-import', schoolId, academicYear);
    const upload = rosterUploadOf(file);
    const context = this.contextOf(scope);
    const author = logAuthor(this.clock);
    return this.dataSource.transaction(async (manager) => {
      await scopedQuery(manager, 'SELECT pg_advisory_xact_lock(hashtext($1))', [`roster-import:${schoolId}`]);
      const first = await this.prepare(manager, upload, context);
      assertPlanApplicable(first);
      // A file already applied changes nothing: it applies as nothing, whatever the dry run's digest was.
      if (changesNothing(first)) return this.outcome(first);
      assertPlanApplicable(first, digest);
      this.assertMayWritePersonalData(first, scope);
      // The students' rows are locked as every enrollment command locks them; prepared again, the plan sees them
      // as they stay until the commit.
      await scopedQuery(manager, 'SELECT id FROM person WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE', [studentsOf(first)]);
      const plan = await this.prepare(manager, upload, context);
      assertPlanApplicable(plan, digest);
      await new StoredRosterImportApplier(manager, this.outbox, this.enrollments, author).apply(plan);
      return this.outcome(plan);
    });
  }

  private contextOf(scope: RosterFilesScope): RosterImportContext {
    return {
      schoolId: scope.schoolId,
      academicYear: scope.academicYear,
      effectiveDate: scope.today,
      ...(scope.ownClassIds ? { allowedClassIds: scope.ownClassIds } : {}),
    };
  }

  private async prepare(manager: Queryable, upload: RosterUpload, context: RosterImportContext): Promise<RosterImportPlan> {
    const plan = await prepareRosterImport(upload, context, new StoredRosterSnapshot(manager));
    return withProblems(plan, await storeProblems(manager, plan));
  }

  private assertMayWritePersonalData(plan: RosterImportPlan, scope: RosterFilesScope): void {
    if (writesPersonalData(plan) && !this.files.allows('schools.roster-import.personal-data', scope.facts)) {
      throw new DomainError(ErrorCode.Forbidden, PERSONAL_DATA_REFUSED);
    }
  }

  private outcome(plan: RosterImportPlan): RosterImportOutcome {
    return { digest: planDigest(plan), academicYear: plan.context.academicYear, summary: plan.summary };
  }

  private async namesFor(plan: RosterImportPlan): Promise<{ people: Map<string, PersonName>; classes: Map<string, string> }> {
    const { personIds, classIds } = previewReferences(plan);
    const [people, classes] = await Promise.all([
      scopedQuery<{ id: string; last_name: string; first_name: string; middle_name: string | null }>(
        this.dataSource,
        'SELECT id, last_name, first_name, middle_name FROM person WHERE id = ANY($1::uuid[])',
        [personIds],
      ),
      scopedQuery<{ id: string; grade: number; letter: string }>(
        this.dataSource,
        'SELECT id, grade, letter FROM school_class WHERE id = ANY($1::uuid[])',
        [classIds],
      ),
    ]);
    return {
      people: new Map(people.map((row) => [row.id, { lastName: row.last_name, firstName: row.first_name, middleName: row.middle_name }])),
      classes: new Map(classes.map((row) => [row.id, className(row.grade, row.letter)])),
    };
  }
}
