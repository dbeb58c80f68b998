import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { DomainError, ErrorCode, type IdentityDocument, IdentityEvents, type PersonalDataField } from '#contracts';
import { batchesWithinBudget, bulkInsert, type OutboxWriter } from '#platform';
import type { LogAuthor } from '../access-log/access-log.js';
import type { EnrollmentCommands } from '../roster/enrollment-commands.js';
import { appendRosterLog, type RosterLogRow } from '../roster/roster-log.js';
import { assertPlanApplicable } from './assert-plan-applicable.js';
import { identityDocumentOf } from './identity-document.js';
import { planDigest } from './plan-digest.js';
import type { RosterImportApplier, RosterImportResult } from './roster-import-applier.js';
import type { PersonalDataToFill, PersonRef, PersonToCreate, RosterImportPlan } from './roster-import-plan.js';

/** Enrollments saved per command call: each call tells the other services in one event, well within a NATS message. */
const ENROLLMENTS_PER_EVENT = 1_000;
const VIA = { via: 'roster-import' } as const;

/** Personal data of one person as the import writes it: only the fields the plan gives. */
interface PersonalDataWrite {
  personId: string;
  birthDate: string | null;
  document: IdentityDocument | null;
  snils: string | null;
  phone: string | null;
}

function fieldsOf(write: PersonalDataWrite): PersonalDataField[] {
  const fields: PersonalDataField[] = [];
  if (write.birthDate !== null) fields.push('birthDate');
  if (write.phone !== null) fields.push('phones');
  if (write.document !== null) fields.push('document');
  if (write.snils !== null) fields.push('snils');
  return fields;
}

function documentOf(text: string | null | undefined): IdentityDocument | null {
  if (text === null || text === undefined) return null;
  const document = identityDocumentOf(text);
  // The dry run refuses such a row (store-problems.ts); a plan that reaches here has none.
  if (!document) throw new DomainError(ErrorCode.ValidationFailed, 'Документ не удалось записать');
  return document;
}

/** One write per person (an upsert touches a row once): the first value given of each field. */
function mergedByPerson(writes: readonly PersonalDataWrite[]): PersonalDataWrite[] {
  const merged = new Map<string, PersonalDataWrite>();
  for (const write of writes) {
    const earlier = merged.get(write.personId);
    merged.set(
      write.personId,
      earlier
        ? {
            personId: write.personId,
            birthDate: earlier.birthDate ?? write.birthDate,
            document: earlier.document ?? write.document,
            snils: earlier.snils ?? write.snils,
            phone: earlier.phone ?? write.phone,
          }
        : write,
    );
  }
  return [...merged.values()];
}

const created = (personId: string, entry: PersonToCreate): PersonalDataWrite => ({
  personId,
  birthDate: entry.birthDate,
  document: documentOf(entry.document),
  snils: entry.snils,
  phone: entry.phone,
});

const filled = (fill: PersonalDataToFill): PersonalDataWrite => ({
  personId: fill.personId,
  birthDate: fill.birthDate ?? null,
  document: documentOf(fill.document),
  snils: fill.snils ?? null,
  phone: fill.phone ?? null,
});

/**
 * Carries out a roster import plan in the caller's transaction, with identity's own roster steps and their outbox
 * events (peopleSaved, enrollmentsSaved, guardianshipsSaved; a transfer is EnrollmentCommands' transfer), so the
 * journal and reporting learn of every change. Every step is in the roster log (ids and dates, never personal
 * data); personal data written is in the personal-data log (which fields, never the values). The caller has decided
 * the right to the whole plan and holds the students' locks.
 */
export class StoredRosterImportApplier implements RosterImportApplier {
  constructor(
    private readonly manager: EntityManager,
    private readonly outbox: OutboxWriter,
    private readonly enrollments: EnrollmentCommands,
    private readonly author: LogAuthor,
  ) {}

  async apply(plan: RosterImportPlan): Promise<RosterImportResult> {
    assertPlanApplicable(plan);
    const { schoolId } = plan.context;
    const createdPeople = await this.createPeople(plan.createPeople, schoolId);
    const idOf = (ref: PersonRef): string => ('existing' in ref ? ref.existing : createdPeople[ref.created]!);
    await this.fillPersonalData(plan.fillPersonalData, schoolId);
    for (const { studentId, toClassId, date } of plan.makeTransfers) {
      await this.enrollments.transferAllowed(this.manager, { studentId, toClassId, date }, [schoolId]);
    }
    await this.enroll(
      plan.addEnrollments.map((enrollment) => ({ studentId: idOf(enrollment.student), classId: enrollment.classId, from: enrollment.from })),
      schoolId,
    );
    await this.addGuardianships(
      plan.addGuardianships.map((link) => ({ parentId: idOf(link.parent), studentId: idOf(link.student) })),
      schoolId,
    );
    const { academicYear, effectiveDate } = plan.context;
    await appendRosterLog(this.manager, this.author, [
      { schoolId, change: 'roster-imported', details: { digest: planDigest(plan), academicYear, effectiveDate, summary: plan.summary } },
    ]);
    return { createdPeople, summary: plan.summary };
  }

  /** 1. A person per entry with a fresh external key, and the personal data the file gives. */
  private async createPeople(entries: readonly PersonToCreate[], schoolId: string): Promise<Record<string, string>> {
    const people = entries.map((entry) => ({ id: randomUUID(), entry }));
    await bulkInsert<(typeof people)[number]>(
      this.manager,
      'person',
      [
        { name: 'id', type: 'uuid', value: (row) => row.id },
        { name: 'external_key', type: 'text', value: (row) => `import:person:${row.id}` },
        { name: 'last_name', type: 'text', value: (row) => row.entry.name.lastName },
        { name: 'first_name', type: 'text', value: (row) => row.entry.name.firstName },
        { name: 'middle_name', type: 'text', value: (row) => row.entry.name.middleName },
      ],
      people,
    );
    for (const batch of batchesWithinBudget(people.map(({ id, entry }) => ({ personId: id, ...entry.name })))) {
      await this.outbox.append(this.manager, IdentityEvents.peopleSaved, { people: batch });
    }
    const writes = people.map(({ id, entry }) => created(id, entry)).filter((write) => fieldsOf(write).length > 0);
    await this.writePersonalData(writes, schoolId);
    return Object.fromEntries(people.map(({ id, entry }) => [entry.key, id]));
  }

  /** 2. The missing personal data of people already there: a stored value is never overwritten. */
  private async fillPersonalData(fills: readonly PersonalDataToFill[], schoolId: string): Promise<void> {
    await this.writePersonalData(fills.map(filled), schoolId);
  }

  private async writePersonalData(given: readonly PersonalDataWrite[], schoolId: string): Promise<void> {
    const writes = mergedByPerson(given);
    if (writes.length === 0) return;
    const { actorId, at } = this.author;
    await this.manager.query(
      `INSERT INTO personal_data (person_id, birth_date, document, snils, phones, updated_at, updated_by)
       SELECT w.person_id, w.birth_date, w.document, w.snils,
              CASE WHEN w.phone IS NULL THEN '{}'::text[] ELSE ARRAY[w.phone] END, $6, $7
         FROM unnest($1::uuid[], $2::date[], $3::jsonb[], $4::text[], $5::text[]) AS w (person_id, birth_date, document, snils, phone)
       ON CONFLICT (person_id) DO UPDATE SET
         birth_date = COALESCE(personal_data.birth_date, excluded.birth_date),
         document = COALESCE(personal_data.document, excluded.document),
         snils = COALESCE(personal_data.snils, excluded.snils),
         phones = CASE WHEN cardinality(personal_data.phones) = 0 THEN excluded.phones ELSE personal_data.phones END,
         updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      [
        writes.map((write) => write.personId),
        writes.map((write) => write.birthDate),
        writes.map((write) => (write.document === null ? null : JSON.stringify(write.document))),
        writes.map((write) => write.snils),
        writes.map((write) => write.phone),
        at,
        actorId,
      ],
    );
    await this.manager.query(
      `INSERT INTO personal_data_log (at, action, reader_id, person_id, school_ids, fields)
       SELECT $1, 'write', $2, w.person_id, ARRAY[$3::uuid], string_to_array(w.fields, ',')
         FROM unnest($4::uuid[], $5::text[]) AS w (person_id, fields)`,
      [at, actorId, schoolId, writes.map((write) => write.personId), writes.map((write) => fieldsOf(write).join(','))],
    );
  }

  /** 4. Enrollments from a date, open-ended, with identity's enrollment step (and its enrollmentsSaved event). */
  private async enroll(items: ReadonlyArray<{ studentId: string; classId: string; from: string }>, schoolId: string): Promise<void> {
    const rows: RosterLogRow[] = [];
    for (let start = 0; start < items.length; start += ENROLLMENTS_PER_EVENT) {
      const chunk = items.slice(start, start + ENROLLMENTS_PER_EVENT);
      const saved = await this.enrollments.saveEnrollments(
        this.manager,
        chunk.map(({ studentId, classId, from }) => ({ studentId, targetId: classId, from, to: null })),
      );
      for (const enrollment of saved) {
        rows.push({
          schoolId,
          classId: enrollment.targetId,
          personId: enrollment.studentId,
          change: 'enrolled',
          details: { from: enrollment.from, ...VIA },
        });
      }
    }
    await appendRosterLog(this.manager, this.author, rows);
  }

  /** 5. Guardianships: a parent sees the child's diary from now on; one already there changes nothing. */
  private async addGuardianships(links: ReadonlyArray<{ parentId: string; studentId: string }>, schoolId: string): Promise<void> {
    const added = await bulkInsert<(typeof links)[number], { parent_id: string; student_id: string }>(
      this.manager,
      'guardianship',
      [
        { name: 'parent_id', type: 'uuid', value: (link) => link.parentId },
        { name: 'student_id', type: 'uuid', value: (link) => link.studentId },
      ],
      links,
      'ON CONFLICT DO NOTHING RETURNING parent_id, student_id',
    );
    const guardianships = added.map((row) => ({ parentId: row.parent_id, studentId: row.student_id }));
    for (const batch of batchesWithinBudget(guardianships)) {
      await this.outbox.append(this.manager, IdentityEvents.guardianshipsSaved, { guardianships: batch });
    }
    await appendRosterLog(
      this.manager,
      this.author,
      guardianships.map(({ parentId, studentId }) => ({ schoolId, personId: studentId, change: 'guardian-added', details: { parentId, ...VIA } })),
    );
  }
}
