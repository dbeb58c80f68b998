import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError, type Enrollment, ErrorCode, IdentityEvents, type TransferResult } from '#contracts';
import { addDays } from '#domain';
import { Clock, OutboxWriter } from '#platform';
import { logAuthor } from '../access-log/log-author.js';
import { AccessCheck, notFound } from '../access/access-check.js';
import { className } from '../classes/class-name.js';
import { scopedQuery } from '../database/scoped-query.js';
import { withdrawMemberships } from './withdraw-memberships.js';
import { saveDatedMemberships, type SavedMembership } from '../enrollments/save-dated-memberships.js';
import { createPerson, type NameInput } from '../people/create-person.js';
import { classArchived } from './classes-admin.service.js';
import { appendRosterLog } from './roster-log.js';
import { type ClassRow, classRow, type EnrollmentRow, toEnrollment } from './roster-rows.js';

export interface EnrollCommand {
  classId: string;
  studentId?: string | undefined;
  newStudent?: NameInput | undefined;
  from: string;
}

export interface EndEnrollmentCommand {
  classId: string;
  enrollmentId: string;
  to: string;
}

export interface TransferCommand {
  studentId: string;
  toClassId: string;
  date: string;
  groupIds?: readonly string[] | undefined;
}

const ENROLLMENT_COLUMNS = 'id, student_id, class_id, date_from, date_to';
const enrollmentNotFound = () => new DomainError(ErrorCode.NotFound, 'Зачисление не найдено');
const studentArchived = () => new DomainError(ErrorCode.Conflict, 'Ученик в архиве: его больше не зачисляют');

/**
 * Enrollments with dates (R-CAL-4): a student is in one class on any day. Each command runs in the caller's
 * transaction (a roster request is applied with the very same command) and checks the caller's right itself.
 * Enrollments end, never disappear: a student's marks and absences belong to the student and stay where they are.
 */
@Injectable()
export class EnrollmentCommands {
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly access: AccessCheck,
  ) {}

  /** Enrolls a known or a new student from a date; enrolling them again in the same class changes nothing. */
  async enroll(manager: EntityManager, command: EnrollCommand): Promise<Enrollment> {
    await this.access.assertMay('classes.roster.write', { type: 'class', id: command.classId });
    const author = logAuthor(this.clock);
    const studentId = command.studentId ?? (await createPerson(manager, this.outbox, command.newStudent!));
    // Locks in one order everywhere: the student, then the class (a transfer takes them the same way).
    await this.lockStudent(manager, studentId);
    const schoolClass = await classRow(manager, command.classId, true);
    const overlapping = await this.enrollmentsOf(manager, studentId, 'AND (date_to IS NULL OR date_to >= $2)', [command.from]);
    const already = overlapping.find((row) => row.class_id === command.classId && row.date_from <= command.from);
    if (already) return toEnrollment(already);
    if (schoolClass.archived_at !== null) throw classArchived();
    const other = overlapping[0];
    if (other) {
      const period = other.date_to ? `с ${other.date_from} по ${other.date_to}` : `с ${other.date_from}`;
      throw new DomainError(ErrorCode.Conflict, `Ученик уже зачислен в класс ${period}: для перехода в другой класс используйте перевод`, {
        enrollmentId: other.id,
        classId: other.class_id,
      });
    }
    const [saved] = await this.saveEnrollments(manager, [{ studentId, targetId: command.classId, from: command.from, to: null }]);
    await appendRosterLog(manager, author, [
      { schoolId: schoolClass.school_id, classId: command.classId, personId: studentId, change: 'enrolled', details: { from: command.from } },
    ]);
    return toEnrollment(await this.enrollment(manager, saved!.id));
  }

  /** Sets the last day of an enrollment; the student's groups of the class end with it. The same day again changes nothing. */
  async endEnrollment(manager: EntityManager, { classId, enrollmentId, to }: EndEnrollmentCommand): Promise<Enrollment> {
    await this.access.assertMay('classes.roster.write', { type: 'class', id: classId });
    const author = logAuthor(this.clock);
    const schoolClass = await classRow(manager, classId);
    const enrollmentOfClass = () =>
      scopedQuery<EnrollmentRow>(manager, `SELECT ${ENROLLMENT_COLUMNS} FROM enrollment WHERE id = $1 AND class_id = $2`, [enrollmentId, classId]);
    const [found] = await enrollmentOfClass();
    if (!found) throw enrollmentNotFound();
    // The student's lock first, as every change of their enrollments takes it; then the enrollment as it is now.
    await this.lockStudent(manager, found.student_id, false);
    const [row = found] = await enrollmentOfClass();
    if (row.date_to === to) return toEnrollment(row);
    if (to < row.date_from) throw new DomainError(ErrorCode.ValidationFailed, 'Последний день в классе раньше первого', { from: row.date_from });
    const [overlap] = await this.enrollmentsOf(
      manager,
      row.student_id,
      'AND id <> $2 AND date_from <= $3 AND (date_to IS NULL OR date_to >= $4)',
      [row.id, to, row.date_from],
    );
    if (overlap) throw new DomainError(ErrorCode.Conflict, 'Ученик в эти дни зачислен в другой класс', { enrollmentId: overlap.id });
    await this.saveEnrollments(manager, [{ studentId: row.student_id, targetId: classId, from: row.date_from, to }]);
    const groups = await this.endGroupsOfClass(manager, row.student_id, classId, to);
    await appendRosterLog(manager, author, [
      {
        schoolId: schoolClass.school_id,
        classId,
        personId: row.student_id,
        change: 'enrollment-ended',
        details: { enrollmentId, before: row.date_to, lastDay: to, ...groups },
      },
    ]);
    return toEnrollment(await this.enrollment(manager, enrollmentId));
  }

  /**
   * Moves the student to another class from a date, in one step (R-CAL-4): the enrollment of that date and the
   * student's groups of that class end the day before; the new enrollment starts on the date (keeping the planned
   * end) with the groups given. Marks and absences stay the student's. A student already in that class on that date
   * changes nothing.
   */
  async transfer(manager: EntityManager, command: TransferCommand): Promise<TransferResult> {
    const dayBefore = addDays(command.date, -1);
    const studentFacts = await this.access.assertMay('students.transfer', { type: 'student', id: command.studentId, date: dayBefore });
    await this.access.assertMay('classes.roster.write', { type: 'class', id: command.toClassId });
    return this.transferAllowed(manager, command, studentFacts.schoolIds);
  }

  /**
   * The transfer itself, for a caller that has decided the right to it already (the roster import decides once for
   * its whole file); `studentSchoolIds` are the schools whose roster log records it besides the two classes' schools.
   */
  async transferAllowed(
    manager: EntityManager,
    { studentId, toClassId, date, groupIds = [] }: TransferCommand,
    studentSchoolIds: readonly string[],
  ): Promise<TransferResult> {
    const dayBefore = addDays(date, -1);
    const author = logAuthor(this.clock);
    await this.lockStudent(manager, studentId);
    const target = await classRow(manager, toClassId, true);
    const [current] = await this.enrollmentsOf(manager, studentId, 'AND date_from <= $2 AND (date_to IS NULL OR date_to >= $2)', [date]);
    if (current?.class_id === toClassId) {
      const [previous] = await this.enrollmentsOf(manager, studentId, 'AND date_to = $2', [addDays(current.date_from, -1)]);
      return { ended: previous ? toEnrollment(previous) : null, started: toEnrollment(current) };
    }
    if (target.archived_at !== null) throw classArchived();
    if (!current) {
      throw new DomainError(ErrorCode.ValidationFailed, 'На эту дату ученик не зачислен ни в один класс: используйте зачисление');
    }
    if (current.date_from === date) {
      throw new DomainError(ErrorCode.ValidationFailed, 'Ученик зачислен в прежний класс с этой же даты: исправьте зачисление', {
        enrollmentId: current.id,
      });
    }
    const [later] = await this.enrollmentsOf(manager, studentId, 'AND date_from > $2', [date]);
    if (later) throw new DomainError(ErrorCode.Conflict, 'У ученика есть зачисление позже даты перевода', { enrollmentId: later.id });
    await this.assertGroupsOf(manager, toClassId, groupIds);

    const saved = await this.saveEnrollments(manager, [
      { studentId, targetId: current.class_id, from: current.date_from, to: dayBefore },
      { studentId, targetId: toClassId, from: date, to: current.date_to },
    ]);
    const groups = await this.endGroupsOfClass(manager, studentId, current.class_id, dayBefore);
    const joined = await saveDatedMemberships(
      manager,
      'group_membership',
      [...new Set(groupIds)].map((groupId) => ({ studentId, targetId: groupId, from: date, to: null })),
    );
    await this.membershipsSaved(manager, joined);
    const source = await classRow(manager, current.class_id);
    const details = {
      date,
      from: { classId: source.id, name: className(source.grade, source.letter) },
      to: { classId: target.id, name: className(target.grade, target.letter) },
      groupsJoined: joined.map((membership) => membership.targetId),
      ...groups,
    };
    const schoolIds = [...new Set([source.school_id, target.school_id, ...studentSchoolIds])];
    await appendRosterLog(
      manager,
      author,
      schoolIds.map((schoolId) => ({
        schoolId,
        classId: schoolId === target.school_id ? target.id : source.id,
        personId: studentId,
        change: 'transferred' as const,
        details,
      })),
    );
    const started = saved.find((enrollment) => enrollment.targetId === toClassId)!;
    return {
      ended: toEnrollment(await this.enrollment(manager, current.id)),
      started: toEnrollment(await this.enrollment(manager, started.id)),
    };
  }

  /**
   * Locks the student's row for the transaction (one change of their enrollments at a time); refuses an archived
   * student unless `refuseArchived` is false (an enrollment of theirs that ended may still be corrected).
   */
  async lockStudent(manager: EntityManager, studentId: string, refuseArchived = true): Promise<void> {
    const [row] = await scopedQuery<{ archived: boolean }>(
      manager,
      'SELECT archived_at IS NOT NULL AS archived FROM person WHERE id = $1 FOR UPDATE',
      [studentId],
    );
    if (!row) throw notFound('student');
    if (row.archived && refuseArchived) throw studentArchived();
  }

  /** The student's enrollment covering the day in this class (for a roster request to leave the class). */
  async enrollmentOn(manager: EntityManager, schoolClass: ClassRow, studentId: string, day: string): Promise<EnrollmentRow> {
    const [row] = await this.enrollmentsOf(manager, studentId, 'AND class_id = $2 AND date_from <= $3 AND (date_to IS NULL OR date_to >= $3)', [
      schoolClass.id,
      day,
    ]);
    if (!row) throw new DomainError(ErrorCode.ValidationFailed, 'В этот день ученик не зачислен в этот класс');
    return row;
  }

  private async enrollmentsOf(manager: EntityManager, studentId: string, condition: string, params: unknown[]): Promise<EnrollmentRow[]> {
    return scopedQuery<EnrollmentRow>(
      manager,
      `SELECT ${ENROLLMENT_COLUMNS} FROM enrollment WHERE student_id = $1 ${condition} ORDER BY date_from`,
      [studentId, ...params],
    );
  }

  private async enrollment(manager: EntityManager, id: string): Promise<EnrollmentRow> {
    const [row] = await scopedQuery<EnrollmentRow>(manager, `SELECT ${ENROLLMENT_COLUMNS} FROM enrollment WHERE id = $1`, [id]);
    if (!row) throw enrollmentNotFound();
    return row;
  }

  /** Saves enrollments (idempotently, see saveDatedMemberships) and tells the other services of those that changed. */
  async saveEnrollments(
    manager: EntityManager,
    items: Array<{ studentId: string; targetId: string; from: string; to: string | null }>,
  ): Promise<SavedMembership[]> {
    const saved = await saveDatedMemberships(manager, 'enrollment', items);
    if (saved.length > 0) {
      await this.outbox.append(manager, IdentityEvents.enrollmentsSaved, {
        enrollments: saved.map((item) => ({
          enrollmentId: item.id,
          studentId: item.studentId,
          classId: item.targetId,
          from: item.from,
          to: item.to,
        })),
      });
    }
    return saved;
  }

  /**
   * The student's memberships in the class's groups end with the enrollment: those running after the last day end
   * on it; one that would only start after it is withdrawn (it never counted: a group's page shows the students
   * enrolled in the class) and is kept in the roster log.
   */
  private async endGroupsOfClass(
    manager: EntityManager,
    studentId: string,
    classId: string,
    lastDay: string,
  ): Promise<{ groupsLeft: string[]; groupsWithdrawn: Array<{ groupId: string; from: string; to: string | null }> }> {
    const running = await scopedQuery<{ id: string; group_id: string; date_from: string; date_to: string | null }>(
      manager,
      `SELECT m.id, m.group_id, m.date_from, m.date_to FROM group_membership m JOIN class_group g ON g.id = m.group_id
        WHERE m.student_id = $1 AND g.class_id = $2 AND (m.date_to IS NULL OR m.date_to > $3)`,
      [studentId, classId, lastDay],
    );
    const withdrawn = running.filter((m) => m.date_from > lastDay);
    await withdrawMemberships(manager, this.outbox, withdrawn.map((m) => m.id));
    const ended = await saveDatedMemberships(
      manager,
      'group_membership',
      running.filter((m) => m.date_from <= lastDay).map((m) => ({ studentId, targetId: m.group_id, from: m.date_from, to: lastDay })),
    );
    await this.membershipsSaved(manager, ended);
    return {
      groupsLeft: ended.map((m) => m.targetId),
      groupsWithdrawn: withdrawn.map((m) => ({ groupId: m.group_id, from: m.date_from, to: m.date_to })),
    };
  }

  private async membershipsSaved(manager: EntityManager, saved: readonly SavedMembership[]): Promise<void> {
    if (saved.length === 0) return;
    await this.outbox.append(manager, IdentityEvents.groupMembershipsSaved, {
      memberships: saved.map((m) => ({ membershipId: m.id, studentId: m.studentId, groupId: m.targetId, from: m.from, to: m.to })),
    });
  }

  private async assertGroupsOf(manager: EntityManager, classId: string, groupIds: readonly string[]): Promise<void> {
    if (groupIds.length === 0) return;
    const found = await scopedQuery<{ id: string }>(
      manager,
      'SELECT id FROM class_group WHERE class_id = $1 AND id = ANY($2::uuid[]) AND archived_at IS NULL',
      [classId, [...groupIds]],
    );
    const missing = groupIds.filter((groupId) => !found.some((row) => row.id === groupId));
    if (missing.length > 0) {
      throw new DomainError(ErrorCode.ValidationFailed, 'Группы нового класса не найдены или в архиве', { groupIds: missing });
    }
  }
}
