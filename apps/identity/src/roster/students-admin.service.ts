import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError, ErrorCode, IdentityEvents, type Person, type RosterRpc, type RpcRequest } from '#contracts';
import { schoolDateAt } from '#domain';
import { Clock, OutboxWriter } from '#platform';
import { logAuthor } from '../access-log/log-author.js';
import { AccessCheck, notFound } from '../access/access-check.js';
import { scopedQuery } from '../database/scoped-query.js';
import type { NameInput } from '../people/create-person.js';
import { appendRosterLog } from './roster-log.js';

const notAStudent = () => new DomainError(ErrorCode.ValidationFailed, 'Этот человек не учится в школе');

interface PersonRow {
  id: string;
  last_name: string;
  first_name: string;
  middle_name: string | null;
  archived: boolean;
}

const toPerson = (row: PersonRow): Person => ({ id: row.id, lastName: row.last_name, firstName: row.first_name, middleName: row.middle_name });

/**
 * Students as people: their guardians (a parent may have several children in several schools), archiving a student
 * who has left (nothing of theirs is deleted anywhere), and correcting a name. The management of a school the
 * person belongs to; every step is in the roster log.
 */
@Injectable()
export class StudentsAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly access: AccessCheck,
  ) {}

  /** Records a guardian of the student; a guardian already known changes nothing. */
  async addGuardian({ studentId, parentId }: RpcRequest<typeof RosterRpc.addGuardian>): Promise<{ parentIds: string[] }> {
    const facts = await this.access.assertMay('people.roster.write', { type: 'person', id: studentId });
    if (parentId === studentId) throw new DomainError(ErrorCode.ValidationFailed, 'Человек не может быть родителем самого себя');
    const author = logAuthor(this.clock);
    return this.dataSource.transaction(async (manager) => {
      await this.assertStudent(manager, studentId);
      await this.person(manager, parentId);
      const added = await scopedQuery<{ parent_id: string }>(
        manager,
        'INSERT INTO guardianship (parent_id, student_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING parent_id',
        [parentId, studentId],
      );
      if (added.length > 0) {
        await this.outbox.append(manager, IdentityEvents.guardianshipsSaved, { guardianships: [{ parentId, studentId }] });
        await appendRosterLog(
          manager,
          author,
          facts.schoolIds.map((schoolId) => ({ schoolId, personId: studentId, change: 'guardian-added' as const, details: { parentId } })),
        );
      }
      return { parentIds: await this.guardiansOf(manager, studentId) };
    });
  }

  /**
   * Ends a guardianship: the parent no longer sees the child (identity decides access from its own guardianships);
   * the roster log keeps that it was. A parent who is no guardian changes nothing.
   */
  async endGuardianship({ studentId, parentId }: RpcRequest<typeof RosterRpc.endGuardianship>): Promise<{ parentIds: string[] }> {
    const facts = await this.access.assertMay('people.roster.write', { type: 'person', id: studentId });
    const author = logAuthor(this.clock);
    return this.dataSource.transaction(async (manager) => {
      const ended = await scopedQuery<{ parent_id: string }>(
        manager,
        'WITH ended AS (DELETE FROM guardianship WHERE parent_id = $1 AND student_id = $2 RETURNING parent_id) SELECT * FROM ended',
        [parentId, studentId],
      );
      if (ended.length > 0) {
        await this.outbox.append(manager, IdentityEvents.guardianshipsEnded, { guardianships: [{ parentId, studentId }] });
        await appendRosterLog(
          manager,
          author,
          facts.schoolIds.map((schoolId) => ({ schoolId, personId: studentId, change: 'guardianship-ended' as const, details: { parentId } })),
        );
      }
      return { parentIds: await this.guardiansOf(manager, studentId) };
    });
  }

  /**
   * Archives a student who is enrolled nowhere from today on: no more enrollments. Marks, absences, enrollments,
   * guardianships and history stay as they are. Archiving twice changes nothing.
   */
  async archiveStudent(studentId: string): Promise<{ studentId: string; archived: true }> {
    const facts = await this.access.assertMay('people.roster.write', { type: 'person', id: studentId });
    const author = logAuthor(this.clock);
    return this.dataSource.transaction(async (manager) => {
      const person = await this.person(manager, studentId, true);
      await this.assertStudent(manager, studentId);
      if (person.archived) return { studentId, archived: true };
      const enrollments = await scopedQuery<{ date_to: string | null; time_zone: string }>(
        manager,
        `SELECT e.date_to, s.time_zone FROM enrollment e JOIN school_class c ON c.id = e.class_id JOIN school s ON s.id = c.school_id
          WHERE e.student_id = $1`,
        [studentId],
      );
      const now = this.clock.now();
      if (enrollments.some((row) => row.date_to === null || row.date_to >= schoolDateAt(now, row.time_zone))) {
        throw new DomainError(ErrorCode.Conflict, 'Ученик ещё зачислен в класс: сначала отчислите или переведите его');
      }
      await scopedQuery(manager, 'UPDATE person SET archived_at = $2 WHERE id = $1', [studentId, author.at]);
      await appendRosterLog(
        manager,
        author,
        facts.schoolIds.map((schoolId) => ({ schoolId, personId: studentId, change: 'student-archived' as const })),
      );
      return { studentId, archived: true };
    });
  }

  /** Corrects the name of a person of the school; the same name again changes nothing. */
  async correctName(manager: EntityManager, { personId, name }: { personId: string; name: NameInput }): Promise<Person> {
    const facts = await this.access.assertMay('people.roster.write', { type: 'person', id: personId });
    const author = logAuthor(this.clock);
    const before = await this.person(manager, personId, true);
    const after = { lastName: name.lastName.trim(), firstName: name.firstName.trim(), middleName: name.middleName?.trim() || null };
    const unchanged = before.last_name === after.lastName && before.first_name === after.firstName && before.middle_name === after.middleName;
    if (unchanged) return toPerson(before);
    await scopedQuery(manager, 'UPDATE person SET last_name = $2, first_name = $3, middle_name = $4 WHERE id = $1', [
      personId,
      after.lastName,
      after.firstName,
      after.middleName,
    ]);
    await this.outbox.append(manager, IdentityEvents.peopleSaved, { people: [{ personId, ...after }] });
    await appendRosterLog(
      manager,
      author,
      facts.schoolIds.map((schoolId) => ({
        schoolId,
        personId,
        change: 'name-corrected' as const,
        details: { before: { lastName: before.last_name, firstName: before.first_name, middleName: before.middle_name }, after },
      })),
    );
    return { id: personId, ...after };
  }

  private async person(manager: EntityManager, personId: string, lock = false): Promise<PersonRow> {
    const [row] = await scopedQuery<PersonRow>(
      manager,
      `SELECT id, last_name, first_name, middle_name, archived_at IS NOT NULL AS archived FROM person WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [personId],
    );
    if (!row) throw notFound('person');
    return row;
  }

  private async assertStudent(manager: EntityManager, studentId: string): Promise<void> {
    const [row] = await scopedQuery<{ student: boolean }>(
      manager,
      'SELECT EXISTS (SELECT 1 FROM enrollment WHERE student_id = $1) AS student',
      [studentId],
    );
    if (!row?.student) throw notAStudent();
  }

  private async guardiansOf(manager: EntityManager, studentId: string): Promise<string[]> {
    const rows = await scopedQuery<{ parent_id: string }>(manager, 'SELECT parent_id FROM guardianship WHERE student_id = $1 ORDER BY parent_id', [
      studentId,
    ]);
    return rows.map((row) => row.parent_id);
  }
}
