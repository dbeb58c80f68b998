import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  DomainError,
  ErrorCode,
  type RosterChange,
  type RosterRequest,
  type RosterRequestStatus,
  type RosterRpc,
  type RpcRequest,
} from '#contracts';
import { addDays } from '#domain';
import { Clock } from '#platform';
import { logAuthor } from '../access-log/log-author.js';
import { AccessCheck, notFound } from '../access/access-check.js';
import { scopedQuery } from '../database/scoped-query.js';
import { classArchived } from './classes-admin.service.js';
import { EnrollmentCommands } from './enrollment-commands.js';
import { appendRosterLog } from './roster-log.js';
import { type ClassRow, classRow } from './roster-rows.js';
import { StudentsAdminService } from './students-admin.service.js';

interface RequestRow {
  id: string;
  school_id: string;
  class_id: string;
  change: RosterChange;
  comment: string | null;
  status: RosterRequestStatus;
  submitted_by: string | null;
  submitted_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  reason: string | null;
}

const REQUEST_COLUMNS = 'id, school_id, class_id, change, comment, status, submitted_by, submitted_at, decided_by, decided_at, reason';
const requestNotFound = () => new DomainError(ErrorCode.NotFound, 'Заявка не найдена');

function toRequest(row: RequestRow): RosterRequest {
  return {
    id: row.id,
    schoolId: row.school_id,
    classId: row.class_id,
    change: row.change,
    comment: row.comment,
    status: row.status,
    submittedBy: row.submitted_by,
    submittedAt: row.submitted_at.toISOString(),
    decidedBy: row.decided_by,
    decidedAt: row.decided_at?.toISOString() ?? null,
    reason: row.reason,
  };
}

/** A change as stored: the name with its middle name spelled out, nothing else added. */
function normalized(change: RpcRequest<typeof RosterRpc.submitRequest>['change']): RosterChange {
  switch (change.kind) {
    case 'enroll':
      return change.newStudent
        ? { kind: 'enroll', newStudent: { ...change.newStudent, middleName: change.newStudent.middleName ?? null }, from: change.from }
        : { kind: 'enroll', studentId: change.studentId!, from: change.from };
    case 'correct-name':
      return { kind: 'correct-name', personId: change.personId, name: { ...change.name, middleName: change.name.middleName ?? null } };
    case 'leave':
    case 'transfer':
      return change;
  }
}

/**
 * Roster change requests: the class teacher submits a change of their own class (enroll, leave, transfer, correct a
 * name); the school's management lists them, applies them with the very command they would run themselves, or
 * rejects them with a reason. Every step is in the roster log.
 */
@Injectable()
export class RosterRequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly access: AccessCheck,
    private readonly enrollments: EnrollmentCommands,
    private readonly students: StudentsAdminService,
  ) {}

  async submit({ classId, change, comment }: RpcRequest<typeof RosterRpc.submitRequest>): Promise<RosterRequest> {
    await this.access.assertMay('classes.roster-requests.submit', { type: 'class', id: classId });
    const author = logAuthor(this.clock);
    const stored = normalized(change);
    return this.dataSource.transaction(async (manager) => {
      const schoolClass = await classRow(manager, classId);
      if (schoolClass.archived_at !== null) throw classArchived();
      await this.assertConcernsClass(manager, schoolClass, stored);
      const id = randomUUID();
      await scopedQuery(
        manager,
        `INSERT INTO roster_request (id, school_id, class_id, change, comment, status, submitted_by, submitted_at)
         VALUES ($1, $2, $3, $4, $5, 'pending', $6, $7)`,
        [id, schoolClass.school_id, classId, JSON.stringify(stored), comment?.trim() ?? null, author.actorId, author.at],
      );
      await appendRosterLog(manager, author, [
        { schoolId: schoolClass.school_id, classId, change: 'request-submitted', details: { requestId: id, kind: stored.kind } },
      ]);
      return toRequest(await this.request(manager, classId, id));
    });
  }

  async ofClass({ classId, status }: RpcRequest<typeof RosterRpc.classRequests>): Promise<{ requests: RosterRequest[] }> {
    await this.access.assertMay('classes.roster-requests.read', { type: 'class', id: classId });
    return { requests: await this.list('class_id', classId, status ?? null) };
  }

  async ofSchool({ schoolId, status }: RpcRequest<typeof RosterRpc.schoolRequests>): Promise<{ requests: RosterRequest[] }> {
    await this.access.assertMay('schools.roster-requests.read', { type: 'school', id: schoolId });
    return { requests: await this.list('school_id', schoolId, status ?? null) };
  }

  /**
   * Applies a pending request in one transaction with its command (which checks the applier's rights itself: a
   * transfer to a class of a school they do not manage is refused and the request stays pending). Applying an
   * applied request changes nothing; a rejected one is a CONFLICT.
   */
  async apply({ classId, requestId }: RpcRequest<typeof RosterRpc.applyRequest>): Promise<RosterRequest> {
    await this.access.assertMay('classes.roster-requests.decide', { type: 'class', id: classId });
    const author = logAuthor(this.clock);
    return this.dataSource.transaction(async (manager) => {
      const request = await this.request(manager, classId, requestId, true);
      if (request.status === 'applied') return toRequest(request);
      if (request.status === 'rejected') throw new DomainError(ErrorCode.Conflict, 'Заявка отклонена: её нельзя применить');
      const result = await this.run(manager, await classRow(manager, classId), request.change);
      await scopedQuery(manager, "UPDATE roster_request SET status = 'applied', decided_by = $2, decided_at = $3 WHERE id = $1", [
        requestId,
        author.actorId,
        author.at,
      ]);
      await appendRosterLog(manager, author, [
        { schoolId: request.school_id, classId, change: 'request-applied', details: { requestId, kind: request.change.kind, result } },
      ]);
      return toRequest(await this.request(manager, classId, requestId));
    });
  }

  /** Rejects a pending request with a reason; rejecting twice changes nothing; an applied request is a CONFLICT. */
  async reject({ classId, requestId, reason }: RpcRequest<typeof RosterRpc.rejectRequest>): Promise<RosterRequest> {
    await this.access.assertMay('classes.roster-requests.decide', { type: 'class', id: classId });
    const author = logAuthor(this.clock);
    return this.dataSource.transaction(async (manager) => {
      const request = await this.request(manager, classId, requestId, true);
      if (request.status === 'rejected') return toRequest(request);
      if (request.status === 'applied') throw new DomainError(ErrorCode.Conflict, 'Заявка уже применена: её нельзя отклонить');
      await scopedQuery(
        manager,
        "UPDATE roster_request SET status = 'rejected', decided_by = $2, decided_at = $3, reason = $4 WHERE id = $1",
        [requestId, author.actorId, author.at, reason.trim()],
      );
      await appendRosterLog(manager, author, [
        {
          schoolId: request.school_id,
          classId,
          change: 'request-rejected',
          details: { requestId, kind: request.change.kind, reason: reason.trim() },
        },
      ]);
      return toRequest(await this.request(manager, classId, requestId));
    });
  }

  /** The command of the change, as the management would run it directly; returns what it did, for the log. */
  private async run(manager: EntityManager, schoolClass: ClassRow, change: RosterChange): Promise<Record<string, unknown>> {
    switch (change.kind) {
      case 'enroll': {
        const enrollment = await this.enrollments.enroll(manager, { classId: schoolClass.id, ...change });
        return { enrollmentId: enrollment.id, studentId: enrollment.studentId };
      }
      case 'leave': {
        const current = await this.enrollments.enrollmentOn(manager, schoolClass, change.studentId, change.lastDay);
        const ended = await this.enrollments.endEnrollment(manager, { classId: schoolClass.id, enrollmentId: current.id, to: change.lastDay });
        return { enrollmentId: ended.id };
      }
      case 'transfer': {
        const { started } = await this.enrollments.transfer(manager, change);
        return { enrollmentId: started.id, toClassId: started.classId };
      }
      case 'correct-name': {
        const person = await this.students.correctName(manager, change);
        return { personId: person.id };
      }
    }
  }

  /** A request is about the class: the student to leave or transfer is in it then; the name to correct is of its student. */
  private async assertConcernsClass(manager: EntityManager, schoolClass: ClassRow, change: RosterChange): Promise<void> {
    switch (change.kind) {
      case 'enroll':
        if (change.studentId) await this.assertPerson(manager, change.studentId);
        return;
      case 'leave':
        await this.enrollments.enrollmentOn(manager, schoolClass, change.studentId, change.lastDay);
        return;
      case 'transfer':
        await this.enrollments.enrollmentOn(manager, schoolClass, change.studentId, addDays(change.date, -1));
        await classRow(manager, change.toClassId);
        return;
      case 'correct-name': {
        const [row] = await scopedQuery<{ enrolled: boolean }>(
          manager,
          'SELECT EXISTS (SELECT 1 FROM enrollment WHERE student_id = $1 AND class_id = $2) AS enrolled',
          [change.personId, schoolClass.id],
        );
        if (!row?.enrolled) throw new DomainError(ErrorCode.ValidationFailed, 'Этот человек не учится в этом классе');
        return;
      }
    }
  }

  private async assertPerson(manager: EntityManager, personId: string): Promise<void> {
    const [row] = await scopedQuery<{ id: string }>(manager, 'SELECT id FROM person WHERE id = $1', [personId]);
    if (!row) throw notFound('student');
  }

  private async request(manager: EntityManager, classId: string, requestId: string, lock = false): Promise<RequestRow> {
    const [row] = await scopedQuery<RequestRow>(
      manager,
      `SELECT ${REQUEST_COLUMNS} FROM roster_request WHERE id = $1 AND class_id = $2 ${lock ? 'FOR UPDATE' : ''}`,
      [requestId, classId],
    );
    if (!row) throw requestNotFound();
    return row;
  }

  /** In the order they were submitted. */
  private async list(column: 'class_id' | 'school_id', id: string, status: RosterRequestStatus | null): Promise<RosterRequest[]> {
    const rows = await scopedQuery<RequestRow>(
      this.dataSource,
      `SELECT ${REQUEST_COLUMNS} FROM roster_request WHERE ${column} = $1 AND ($2::text IS NULL OR status = $2) ORDER BY seq`,
      [id, status],
    );
    return rows.map(toRequest);
  }
}
