import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type ClassRoster,
  DomainError,
  ErrorCode,
  IdentityEvents,
  type RosterClass,
  type RosterGroup,
  type RosterRpc,
  type RpcRequest,
} from '#contracts';
import { addDays } from '#domain';
import { Clock, OutboxWriter } from '#platform';
import { logAuthor } from '../access-log/log-author.js';
import { AccessCheck } from '../access/access-check.js';
import { assertTeachesAt } from '../assignments/assert-teaches-at.js';
import { className } from '../classes/class-name.js';
import { scopedQuery } from '../database/scoped-query.js';
import { withdrawMemberships } from './withdraw-memberships.js';
import { saveDatedMemberships } from '../enrollments/save-dated-memberships.js';
import { appendRosterLog } from './roster-log.js';
import { type ClassRow, classesOfSchool, classRoster, classRow, groupRow, todayOf, toRosterClass, toRosterGroup } from './roster-rows.js';

export const classArchived = () => new DomainError(ErrorCode.Conflict, 'Класс в архиве: его состав не меняется');
const groupArchived = () => new DomainError(ErrorCode.Conflict, 'Группа в архиве: её состав не меняется');

interface MembershipRow {
  id: string;
  student_id: string;
  date_from: string;
  date_to: string | null;
}

/**
 * Classes and their groups (R-CAL-3) as the school's management keeps them: create, rename, change the class
 * teacher, archive (never delete: the history of an archived class stays readable), and who is in each group when.
 */
@Injectable()
export class ClassesAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly access: AccessCheck,
  ) {}

  async classes(request: RpcRequest<typeof RosterRpc.classes>): Promise<{ classes: RosterClass[] }> {
    await this.access.assertMay('classes.list', { type: 'school', id: request.schoolId });
    return {
      classes: await classesOfSchool(this.dataSource.manager, request.schoolId, request.academicYear ?? null, request.includeArchived ?? false),
    };
  }

  async roster(classId: string): Promise<ClassRoster> {
    await this.access.assertMay('classes.roster.read', { type: 'class', id: classId });
    return classRoster(this.dataSource.manager, classId);
  }

  async createClass(request: RpcRequest<typeof RosterRpc.createClass>): Promise<RosterClass> {
    await this.access.assertMay('classes.create', { type: 'school', id: request.schoolId });
    const author = logAuthor(this.clock);
    const letter = request.letter.trim().toUpperCase();
    const classTeacherId = request.classTeacherId ?? null;
    return this.dataSource.transaction(async (manager) => {
      // One class creation at a time per school keeps two "5А" of one year from appearing together.
      await scopedQuery(manager, 'SELECT id FROM school WHERE id = $1 FOR UPDATE', [request.schoolId]);
      await this.assertNameFree(manager, request.schoolId, request.academicYear, request.grade, letter, null);
      if (classTeacherId !== null) await assertTeachesAt(manager, classTeacherId, request.schoolId);
      const id = randomUUID();
      await manager.query(
        `INSERT INTO school_class (id, school_id, external_key, academic_year, grade, letter, class_teacher_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [id, request.schoolId, `manual:class:${id}`, request.academicYear, request.grade, letter, classTeacherId],
      );
      const created = await classRow(manager, id);
      await this.classSaved(manager, created);
      await appendRosterLog(manager, author, [
        { schoolId: created.school_id, classId: id, change: 'class-created', details: { name: className(request.grade, letter) } },
      ]);
      return toRosterClass(created);
    });
  }

  /** A new letter or class teacher; the same values again change nothing. */
  async updateClass(request: RpcRequest<typeof RosterRpc.updateClass>): Promise<RosterClass> {
    await this.access.assertMay('classes.roster.write', { type: 'class', id: request.classId });
    const author = logAuthor(this.clock);
    return this.dataSource.transaction(async (manager) => {
      const before = await classRow(manager, request.classId, true);
      const letter = request.letter?.trim().toUpperCase() ?? before.letter;
      const classTeacherId = request.classTeacherId === undefined ? before.class_teacher_id : request.classTeacherId;
      if (letter === before.letter && classTeacherId === before.class_teacher_id) return toRosterClass(before);
      if (before.archived_at !== null) throw classArchived();
      if (letter !== before.letter) {
        await scopedQuery(manager, 'SELECT id FROM school WHERE id = $1 FOR UPDATE', [before.school_id]);
        await this.assertNameFree(manager, before.school_id, before.academic_year, before.grade, letter, before.id);
      }
      if (classTeacherId !== null && classTeacherId !== before.class_teacher_id) await assertTeachesAt(manager, classTeacherId, before.school_id);
      await scopedQuery(manager, 'UPDATE school_class SET letter = $2, class_teacher_id = $3 WHERE id = $1', [before.id, letter, classTeacherId]);
      const after = await classRow(manager, before.id);
      await this.classSaved(manager, after);
      await appendRosterLog(manager, author, [
        {
          schoolId: before.school_id,
          classId: before.id,
          change: 'class-changed',
          details: {
            before: { name: className(before.grade, before.letter), classTeacherId: before.class_teacher_id },
            after: { name: className(after.grade, after.letter), classTeacherId: after.class_teacher_id },
          },
        },
      ]);
      return toRosterClass(after);
    });
  }

  /** Archives a class nobody is enrolled in from today on; its enrollments, pages, marks and history stay. */
  async archiveClass(classId: string): Promise<RosterClass> {
    await this.access.assertMay('classes.roster.write', { type: 'class', id: classId });
    const author = logAuthor(this.clock);
    return this.dataSource.transaction(async (manager) => {
      const row = await classRow(manager, classId, true);
      if (row.archived_at !== null) return toRosterClass(row);
      const [open] = await scopedQuery<{ count: number }>(
        manager,
        'SELECT count(*)::int AS count FROM enrollment WHERE class_id = $1 AND (date_to IS NULL OR date_to >= $2)',
        [classId, todayOf(row, this.clock)],
      );
      if ((open?.count ?? 0) > 0) {
        throw new DomainError(ErrorCode.Conflict, 'В классе есть зачисленные ученики: сначала переведите или отчислите их', {
          enrolled: open?.count,
        });
      }
      await scopedQuery(manager, 'UPDATE school_class SET archived_at = $2 WHERE id = $1', [classId, author.at]);
      await appendRosterLog(manager, author, [{ schoolId: row.school_id, classId, change: 'class-archived' }]);
      return toRosterClass(await classRow(manager, classId));
    });
  }

  async createGroup({ classId, subjectCode, name }: RpcRequest<typeof RosterRpc.createGroup>): Promise<RosterGroup> {
    await this.access.assertMay('classes.roster.write', { type: 'class', id: classId });
    const author = logAuthor(this.clock);
    return this.dataSource.transaction(async (manager) => {
      const schoolClass = await classRow(manager, classId, true);
      if (schoolClass.archived_at !== null) throw classArchived();
      const id = randomUUID();
      await manager.query('INSERT INTO class_group (id, external_key, class_id, subject_code, name) VALUES ($1, $2, $3, $4, $5)', [
        id,
        `manual:group:${id}`,
        classId,
        subjectCode,
        name.trim(),
      ]);
      const group = await groupRow(manager, classId, id);
      await this.groupSaved(manager, group);
      await appendRosterLog(manager, author, [
        { schoolId: schoolClass.school_id, classId, change: 'group-created', details: { groupId: id, subjectCode, name: group.name } },
      ]);
      return toRosterGroup(group);
    });
  }

  async updateGroup({ classId, groupId, name }: RpcRequest<typeof RosterRpc.updateGroup>): Promise<RosterGroup> {
    await this.access.assertMay('classes.roster.write', { type: 'class', id: classId });
    const author = logAuthor(this.clock);
    return this.dataSource.transaction(async (manager) => {
      const schoolClass = await classRow(manager, classId);
      const before = await groupRow(manager, classId, groupId, true);
      const wanted = name.trim();
      if (before.name === wanted) return toRosterGroup(before);
      if (before.archived_at !== null) throw groupArchived();
      await scopedQuery(manager, 'UPDATE class_group SET name = $2 WHERE id = $1', [groupId, wanted]);
      const after = await groupRow(manager, classId, groupId);
      await this.groupSaved(manager, after);
      await appendRosterLog(manager, author, [
        { schoolId: schoolClass.school_id, classId, change: 'group-renamed', details: { groupId, before: before.name, after: wanted } },
      ]);
      return toRosterGroup(after);
    });
  }

  /** Archives a group nobody is a member of from today on; its pages and history stay. */
  async archiveGroup({ classId, groupId }: RpcRequest<typeof RosterRpc.archiveGroup>): Promise<RosterGroup> {
    await this.access.assertMay('classes.roster.write', { type: 'class', id: classId });
    const author = logAuthor(this.clock);
    return this.dataSource.transaction(async (manager) => {
      const schoolClass = await classRow(manager, classId);
      const group = await groupRow(manager, classId, groupId, true);
      if (group.archived_at !== null) return toRosterGroup(group);
      const [open] = await scopedQuery<{ count: number }>(
        manager,
        'SELECT count(*)::int AS count FROM group_membership WHERE group_id = $1 AND (date_to IS NULL OR date_to >= $2)',
        [groupId, todayOf(schoolClass, this.clock)],
      );
      if ((open?.count ?? 0) > 0) {
        throw new DomainError(ErrorCode.Conflict, 'В группе есть ученики: сначала измените её состав', { members: open?.count });
      }
      await scopedQuery(manager, 'UPDATE class_group SET archived_at = $2 WHERE id = $1', [groupId, author.at]);
      await appendRosterLog(manager, author, [{ schoolId: schoolClass.school_id, classId, change: 'group-archived', details: { groupId } }]);
      return toRosterGroup(await groupRow(manager, classId, groupId));
    });
  }

  /**
   * From `from` on the group's members are exactly these students (R-CAL-3): the others leave the day before (a
   * membership that would only start on or after that day is withdrawn, and logged), the listed ones stay or join.
   * Every listed student is enrolled in the class on that day. The same list again changes nothing.
   */
  async setGroupMembers({ classId, groupId, studentIds, from }: RpcRequest<typeof RosterRpc.setGroupMembers>): Promise<ClassRoster> {
    await this.access.assertMay('classes.roster.write', { type: 'class', id: classId });
    const author = logAuthor(this.clock);
    const wanted = new Set(studentIds);
    await this.dataSource.transaction(async (manager) => {
      const schoolClass = await classRow(manager, classId);
      const group = await groupRow(manager, classId, groupId, true);
      await this.assertEnrolledOn(manager, classId, [...wanted], from);
      const memberships = await scopedQuery<MembershipRow>(
        manager,
        'SELECT id, student_id, date_from, date_to FROM group_membership WHERE group_id = $1 AND (date_to IS NULL OR date_to >= $2)',
        [groupId, from],
      );
      const dayBefore = addDays(from, -1);
      const ended = memberships.filter((m) => !wanted.has(m.student_id) && m.date_from < from);
      const withdrawn = memberships.filter((m) => m.date_from >= from && !(wanted.has(m.student_id) && m.date_from === from));
      const kept = memberships.filter((m) => wanted.has(m.student_id) && m.date_from <= from);
      const reopened = kept.filter((m) => m.date_to !== null);
      const joining = [...wanted].filter((studentId) => !kept.some((m) => m.student_id === studentId));
      if (ended.length + withdrawn.length + reopened.length + joining.length === 0) return;
      if (group.archived_at !== null) throw groupArchived();

      await withdrawMemberships(manager, this.outbox, withdrawn.map((m) => m.id));
      const saved = await saveDatedMemberships(manager, 'group_membership', [
        ...ended.map((m) => ({ studentId: m.student_id, targetId: groupId, from: m.date_from, to: dayBefore })),
        ...reopened.map((m) => ({ studentId: m.student_id, targetId: groupId, from: m.date_from, to: null })),
        ...joining.map((studentId) => ({ studentId, targetId: groupId, from, to: null })),
      ]);
      if (saved.length > 0) {
        await this.outbox.append(manager, IdentityEvents.groupMembershipsSaved, {
          memberships: saved.map((m) => ({ membershipId: m.id, studentId: m.studentId, groupId, from: m.from, to: m.to })),
        });
      }
      await appendRosterLog(manager, author, [
        {
          schoolId: schoolClass.school_id,
          classId,
          change: 'group-members-set',
          details: {
            groupId,
            from,
            studentIds: [...wanted],
            left: ended.map((m) => m.student_id),
            withdrawn: withdrawn.map((m) => ({ membershipId: m.id, studentId: m.student_id, from: m.date_from, to: m.date_to })),
            joined: joining,
          },
        },
      ]);
    });
    return classRoster(this.dataSource.manager, classId);
  }

  private async assertEnrolledOn(manager: EntityManager, classId: string, studentIds: string[], date: string): Promise<void> {
    if (studentIds.length === 0) return;
    const enrolled = await scopedQuery<{ student_id: string }>(
      manager,
      `SELECT DISTINCT student_id FROM enrollment
        WHERE class_id = $1 AND student_id = ANY($2::uuid[]) AND date_from <= $3 AND (date_to IS NULL OR date_to >= $3)`,
      [classId, studentIds, date],
    );
    const missing = studentIds.filter((studentId) => !enrolled.some((row) => row.student_id === studentId));
    if (missing.length > 0) {
      throw new DomainError(ErrorCode.ValidationFailed, 'В группу входят только ученики, зачисленные в класс на эту дату', {
        studentIds: missing,
      });
    }
  }

  private async assertNameFree(
    manager: EntityManager,
    schoolId: string,
    academicYear: string,
    grade: number,
    letter: string,
    classId: string | null,
  ): Promise<void> {
    const [taken] = await scopedQuery<{ id: string }>(
      manager,
      `SELECT id FROM school_class
        WHERE school_id = $1 AND academic_year = $2 AND grade = $3 AND upper(letter) = $4 AND archived_at IS NULL
          AND ($5::uuid IS NULL OR id <> $5::uuid)`,
      [schoolId, academicYear, grade, letter, classId],
    );
    if (taken) {
      throw new DomainError(ErrorCode.Conflict, `Класс ${className(grade, letter)} в ${academicYear} учебном году уже есть`, {
        classId: taken.id,
      });
    }
  }

  private async classSaved(manager: EntityManager, row: ClassRow): Promise<void> {
    await this.outbox.append(manager, IdentityEvents.classesSaved, {
      classes: [
        {
          classId: row.id,
          schoolId: row.school_id,
          academicYear: row.academic_year,
          grade: row.grade,
          letter: row.letter,
          classTeacherId: row.class_teacher_id,
        },
      ],
    });
  }

  private async groupSaved(manager: EntityManager, row: { id: string; class_id: string; subject_code: string; name: string }): Promise<void> {
    await this.outbox.append(manager, IdentityEvents.groupsSaved, {
      groups: [{ groupId: row.id, classId: row.class_id, subjectCode: row.subject_code, name: row.name }],
    });
  }
}
