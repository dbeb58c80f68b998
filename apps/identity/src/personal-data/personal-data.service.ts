import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  DomainError,
  ErrorCode,
  type IdentityDocument,
  type PersonalData,
  type PersonalDataField,
  type PersonalDataLogEntry,
  type PersonalDataRpc,
  type PersonalDataStaffMember,
  type PersonCard,
  type RpcRequest,
} from '#contracts';
import { schoolDateAt } from '#domain';
import { Clock, currentActor } from '#platform';
import { decide } from '#policy';
import { appendAccessLog } from '../access-log/access-log.js';
import { logAuthor } from '../access-log/log-author.js';
import { AccessCheck, notFound } from '../access/access-check.js';
import { scopedQuery } from '../database/scoped-query.js';
import { byName } from '../people/by-name.js';

interface PersonalDataRow {
  birth_date: string | null;
  address: string | null;
  phones: string[];
  document: IdentityDocument | null;
  snils: string | null;
}

interface PersonRow {
  id: string;
  last_name: string;
  first_name: string;
  middle_name: string | null;
}

const EMPTY: PersonalData = { birthDate: null, address: null, phones: [], document: null, snils: null };
const FIELDS: readonly PersonalDataField[] = ['birthDate', 'address', 'phones', 'document', 'snils'];
/** The easternmost zone of Russia: no school's today is later than this zone's (a birth date is never after it). */
const LATEST_ZONE = 'Asia/Kamchatka';
const EARLIEST_BIRTH_DATE = '1900-01-01';

function toPersonalData(row: PersonalDataRow | undefined): PersonalData {
  if (!row) return EMPTY;
  return { birthDate: row.birth_date, address: row.address, phones: row.phones, document: row.document, snils: row.snils };
}

const isFilled = (data: PersonalData, field: PersonalDataField) =>
  field === 'phones' ? data.phones.length > 0 : data[field] !== null;

const sameValue = (a: PersonalData, b: PersonalData, field: PersonalDataField) => JSON.stringify(a[field]) === JSON.stringify(b[field]);

/**
 * Personal data (R-ACC-2, 152-FZ), kept apart from the person: shown only to the staff on the personal-data list of
 * a school of the person and to the person's guardians (libs/policy decides with identity's facts); every read that
 * shows any field and every write is logged (who, whose, which fields, when) in the same transaction. The values
 * never reach events, logs or error details.
 */
@Injectable()
export class PersonalDataService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly access: AccessCheck,
  ) {}

  /** The person for whoever may see them (NOT_FOUND otherwise); their personal data only for those who may read it. */
  async read(personId: string): Promise<PersonCard> {
    const facts = await this.access.assertMay('people.read', { type: 'person', id: personId });
    const mayRead = decide('people.personal-data.read', currentActor(), facts).allowed;
    const author = logAuthor(this.clock);
    return this.dataSource.transaction(async (manager) => {
      const person = await this.person(manager, personId);
      if (!mayRead) return { person, personalDataVisible: false, personalData: null };
      const data = toPersonalData(await this.stored(manager, personId));
      const shown = FIELDS.filter((field) => isFilled(data, field));
      if (shown.length > 0) await this.logUse(manager, author, 'read', personId, facts.schoolIds, shown);
      return { person, personalDataVisible: true, personalData: data };
    });
  }

  /** Replaces the person's personal data; the changed fields are logged, then the record is read back (and logged). */
  async write({ personId, data }: RpcRequest<typeof PersonalDataRpc.write>): Promise<PersonCard> {
    const facts = await this.access.assertMay('people.personal-data.write', { type: 'person', id: personId });
    const wanted: PersonalData = {
      birthDate: data.birthDate ?? null,
      address: data.address ?? null,
      phones: [...new Set(data.phones ?? [])],
      document: data.document ?? null,
      snils: data.snils ?? null,
    };
    this.assertBirthDate(wanted.birthDate);
    const author = logAuthor(this.clock);
    await this.dataSource.transaction(async (manager) => {
      await this.person(manager, personId);
      await scopedQuery(manager, 'SELECT person_id FROM personal_data WHERE person_id = $1 FOR UPDATE', [personId]);
      const before = toPersonalData(await this.stored(manager, personId));
      const changed = FIELDS.filter((field) => !sameValue(before, wanted, field));
      if (changed.length === 0) return;
      await scopedQuery(
        manager,
        `INSERT INTO personal_data (person_id, birth_date, address, phones, document, snils, updated_at, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (person_id) DO UPDATE SET birth_date = excluded.birth_date, address = excluded.address,
           phones = excluded.phones, document = excluded.document, snils = excluded.snils,
           updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
        [
          personId,
          wanted.birthDate,
          wanted.address,
          wanted.phones,
          wanted.document === null ? null : JSON.stringify(wanted.document),
          wanted.snils,
          author.at,
          author.actorId,
        ],
      );
      await this.logUse(manager, author, 'write', personId, facts.schoolIds, changed);
    });
    return this.read(personId);
  }

  async staff(schoolId: string): Promise<{ staff: PersonalDataStaffMember[] }> {
    await this.access.assertMay('schools.personal-data-list.read', { type: 'school', id: schoolId });
    return { staff: await this.staffOf(this.dataSource.manager, schoolId) };
  }

  /** Puts a member of the school's staff on its list (the director); putting them twice changes nothing. */
  async addStaff({ schoolId, personId }: RpcRequest<typeof PersonalDataRpc.addStaff>): Promise<{ staff: PersonalDataStaffMember[] }> {
    await this.access.assertMay('schools.personal-data-list.write', { type: 'school', id: schoolId });
    const author = logAuthor(this.clock);
    return this.dataSource.transaction(async (manager) => {
      const [staff] = await scopedQuery<{ account_id: string }>(
        manager,
        `SELECT a.id AS account_id FROM account a JOIN role_grant g ON g.account_id = a.id
          WHERE a.person_id = $1 AND a.status = 'active' AND g.school_id = $2 AND g.role NOT IN ('parent', 'student')
          LIMIT 1`,
        [personId, schoolId],
      );
      if (!staff) throw new DomainError(ErrorCode.ValidationFailed, 'В список можно включить только работника школы', { personId });
      const added = await scopedQuery<{ person_id: string }>(
        manager,
        `INSERT INTO personal_data_staff (school_id, person_id, added_at, added_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING RETURNING person_id`,
        [schoolId, personId, author.at, author.actorId],
      );
      if (added.length > 0) {
        await appendAccessLog(manager, author, [{ schoolId, accountId: staff.account_id, personId, change: 'personal-data-list-added' }]);
      }
      return { staff: await this.staffOf(manager, schoolId) };
    });
  }

  /** Takes a person off the school's list (the director); someone not on it changes nothing. */
  async removeStaff({ schoolId, personId }: RpcRequest<typeof PersonalDataRpc.removeStaff>): Promise<{ removed: boolean }> {
    await this.access.assertMay('schools.personal-data-list.write', { type: 'school', id: schoolId });
    const author = logAuthor(this.clock);
    return this.dataSource.transaction(async (manager) => {
      const removed = await scopedQuery<{ person_id: string }>(
        manager,
        'WITH removed AS (DELETE FROM personal_data_staff WHERE school_id = $1 AND person_id = $2 RETURNING person_id) SELECT * FROM removed',
        [schoolId, personId],
      );
      if (removed.length === 0) return { removed: false };
      await appendAccessLog(manager, author, [{ schoolId, accountId: null, personId, change: 'personal-data-list-removed' }]);
      return { removed: true };
    });
  }

  /** Reads and writes of personal data of the school's people, newest first. */
  async log({ schoolId, limit, before }: RpcRequest<typeof PersonalDataRpc.log>): Promise<{ entries: PersonalDataLogEntry[]; next: string | null }> {
    await this.access.assertMay('schools.personal-data-log.read', { type: 'school', id: schoolId });
    const pageSize = limit ?? 100;
    const rows = await scopedQuery<{
      id: string;
      at: Date;
      action: 'read' | 'write';
      reader_id: string | null;
      reader_name: string | null;
      person_id: string;
      person_name: string;
      fields: PersonalDataField[];
    }>(
      this.dataSource,
      `SELECT l.id::text AS id, l.at, l.action, l.reader_id,
              concat_ws(' ', r.last_name, r.first_name, r.middle_name) AS reader_name,
              l.person_id, concat_ws(' ', p.last_name, p.first_name, p.middle_name) AS person_name, l.fields
         FROM personal_data_log l
         JOIN person p ON p.id = l.person_id
         LEFT JOIN person r ON r.id = l.reader_id
        WHERE $1::uuid = ANY (l.school_ids) AND ($2::bigint IS NULL OR l.id < $2::bigint)
        ORDER BY l.id DESC
        LIMIT $3`,
      [schoolId, before ?? null, pageSize + 1],
    );
    const page = rows.slice(0, pageSize);
    return {
      entries: page.map((row) => ({
        id: row.id,
        at: row.at.toISOString(),
        action: row.action,
        readerId: row.reader_id,
        readerName: row.reader_id === null ? null : row.reader_name,
        personId: row.person_id,
        personName: row.person_name,
        fields: row.fields,
      })),
      next: rows.length > pageSize ? (page.at(-1)?.id ?? null) : null,
    };
  }

  private async logUse(
    manager: EntityManager,
    author: { actorId: string | null; at: Date },
    action: 'read' | 'write',
    personId: string,
    schoolIds: readonly string[],
    fields: readonly PersonalDataField[],
  ): Promise<void> {
    await scopedQuery(
      manager,
      'INSERT INTO personal_data_log (at, action, reader_id, person_id, school_ids, fields) VALUES ($1, $2, $3, $4, $5, $6)',
      [author.at, action, author.actorId, personId, [...schoolIds], [...fields]],
    );
  }

  private assertBirthDate(birthDate: string | null): void {
    if (birthDate === null) return;
    if (birthDate > schoolDateAt(this.clock.now(), LATEST_ZONE) || birthDate < EARLIEST_BIRTH_DATE) {
      throw new DomainError(ErrorCode.ValidationFailed, 'Дата рождения не может быть в будущем или раньше 1900 года');
    }
  }

  private async person(manager: EntityManager, personId: string): Promise<PersonCard['person']> {
    const [row] = await scopedQuery<PersonRow>(manager, 'SELECT id, last_name, first_name, middle_name FROM person WHERE id = $1', [personId]);
    if (!row) throw notFound('person');
    return { id: row.id, lastName: row.last_name, firstName: row.first_name, middleName: row.middle_name };
  }

  private async stored(manager: EntityManager, personId: string): Promise<PersonalDataRow | undefined> {
    const [row] = await scopedQuery<PersonalDataRow>(
      manager,
      'SELECT birth_date, address, phones, document, snils FROM personal_data WHERE person_id = $1',
      [personId],
    );
    return row;
  }

  private async staffOf(manager: Pick<EntityManager, 'query'>, schoolId: string): Promise<PersonalDataStaffMember[]> {
    const rows = await scopedQuery<PersonRow & { added_at: Date; added_by: string | null }>(
      manager,
      `SELECT p.id, p.last_name, p.first_name, p.middle_name, l.added_at, l.added_by
         FROM personal_data_staff l JOIN person p ON p.id = l.person_id
        WHERE l.school_id = $1`,
      [schoolId],
    );
    return rows
      .map((row) => ({ id: row.id, lastName: row.last_name, firstName: row.first_name, middleName: row.middle_name, row }))
      .sort(byName)
      .map(({ row }) => ({
        personId: row.id,
        name: { lastName: row.last_name, firstName: row.first_name, middleName: row.middle_name },
        addedAt: row.added_at.toISOString(),
        addedBy: row.added_by,
      }));
  }
}
