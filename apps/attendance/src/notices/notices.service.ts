import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  type AbsenceNotice,
  type AbsenceNoticesRpc,
  DomainError,
  ErrorCode,
  IdentityRpc,
  personIdOf,
  type RpcRequest,
} from '#contracts';
import { Clock, currentActor, RpcClient } from '#platform';
import { ResourceAccess } from '../access/resource-access.js';
import { lockStudent } from '../database/entry-locks.js';
import { AbsenceExcuses } from '../reasons/absence-excuses.js';
import { AbsenceNoticeEntity } from './absence-notice.entity.js';
import { toAbsenceNotice } from './absence-notice.mapper.js';
import { NoticeHistoryWriter } from './notice-history.writer.js';
import { reasonOfNotice } from './notice-reason.js';

const NOTICE_NOT_FOUND = 'Уведомление об отсутствии не найдено';

/** Parents' notices of their children's absences and the class teacher's decisions on them (R-ATT-1). */
@Injectable()
export class NoticesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ResourceAccess,
    private readonly rpc: RpcClient,
    private readonly excuses: AbsenceExcuses,
    private readonly history: NoticeHistoryWriter,
    private readonly clock: Clock,
  ) {}

  /**
   * A parent's notice for their own child, addressed to the class teacher of the child's class on its first day; a
   * child in no class that day cannot be excused there (STUDENT_NOT_ENROLLED).
   */
  async send(request: RpcRequest<typeof AbsenceNoticesRpc.send>): Promise<AbsenceNotice> {
    await this.access.assertStudent(
      'students.absence-notices.send',
      request.studentId,
      request.from,
      'Уведомление об отсутствии отправляет родитель ученика',
    );
    const { student } = await this.rpc.call(IdentityRpc.studentAccess, { studentId: request.studentId, date: request.from });
    if (!student.classId || !student.schoolId) {
      throw new DomainError(ErrorCode.StudentNotEnrolled, `Ребёнок не числится ни в одном классе на ${request.from}`, {
        date: request.from,
      });
    }
    const actorId = personIdOf(currentActor());
    const entity: AbsenceNoticeEntity = {
      id: randomUUID(),
      schoolId: student.schoolId,
      classId: student.classId,
      studentId: request.studentId,
      reason: request.reason,
      from: request.from,
      to: request.to,
      comment: request.comment ?? null,
      sentBy: actorId,
      sentAt: this.clock.now(),
      status: 'pending',
      decidedBy: null,
      decidedAt: null,
      decisionComment: null,
      version: 1,
    };
    return this.dataSource.transaction(async (manager) => {
      await manager.getRepository(AbsenceNoticeEntity).insert(entity);
      const notice = toAbsenceNotice(entity);
      await this.history.append(manager, [
        { noticeId: notice.id, action: 'created', oldValue: null, newValue: notice, actorId, at: entity.sentAt },
      ]);
      return notice;
    });
  }

  /** A student's notices, newest first: their parents, their class teacher, the school's management. */
  async ofStudent(request: RpcRequest<typeof AbsenceNoticesRpc.ofStudent>): Promise<{ notices: AbsenceNotice[] }> {
    await this.access.assertStudent('students.absence-notices.read', request.studentId);
    const notices = await this.dataSource.getRepository(AbsenceNoticeEntity).find({
      where: { studentId: request.studentId },
      order: { sentAt: 'DESC', id: 'ASC' },
    });
    return { notices: notices.map(toAbsenceNotice) };
  }

  /** The notices about a class's students, newest first: its class teacher, the school's management. */
  async ofClass(request: RpcRequest<typeof AbsenceNoticesRpc.ofClass>): Promise<{ notices: AbsenceNotice[] }> {
    await this.access.assertClass('classes.absence-notices.read', request.classId);
    const notices = await this.dataSource.getRepository(AbsenceNoticeEntity).find({
      where: { classId: request.classId, ...(request.status ? { status: request.status } : {}) },
      order: { sentAt: 'DESC', id: 'ASC' },
    });
    return { notices: notices.map(toAbsenceNotice) };
  }

  /**
   * The class teacher of the child's class on the notice's first day accepts or rejects a pending notice, once.
   * Accepting gives its reason to the child's absences on those days, confirmed, and to absences recorded there later;
   * an absence in a closed period refuses the acceptance (PERIOD_CLOSED) until the period is reopened.
   */
  async decide(request: RpcRequest<typeof AbsenceNoticesRpc.decide>): Promise<AbsenceNotice> {
    const found = await this.dataSource
      .getRepository(AbsenceNoticeEntity)
      .findOneBy({ id: request.noticeId, studentId: request.studentId });
    // Whoever may not even read the student's notices learns nothing about this one.
    await this.access.assertStudent('students.absence-notices.read', request.studentId);
    if (!found) throw new DomainError(ErrorCode.NotFound, NOTICE_NOT_FOUND);
    await this.access.assertStudent(
      'students.absence-notices.decide',
      request.studentId,
      found.from,
      'Уведомление рассматривает классный руководитель ученика',
    );
    const actorId = personIdOf(currentActor());
    const at = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      await lockStudent(manager, request.studentId);
      const repository = manager.getRepository(AbsenceNoticeEntity);
      const notice = await repository.findOneByOrFail({ id: request.noticeId });
      if (notice.status !== 'pending') {
        throw new DomainError(ErrorCode.Conflict, 'Уведомление уже рассмотрено', { current: toAbsenceNotice(notice) });
      }
      if (request.decision === 'accepted') {
        await this.excuses.give(
          manager,
          {
            studentId: notice.studentId,
            from: notice.from,
            to: notice.to,
            reason: reasonOfNotice(notice.reason),
            noticeId: notice.id,
            actorId,
            at,
            historyReason: `absence-notice:${notice.id}`,
          },
          (absences) => this.excuses.assertPeriodsOpen(absences),
        );
      }
      const decided: AbsenceNoticeEntity = {
        ...notice,
        status: request.decision,
        decidedBy: actorId,
        decidedAt: at,
        decisionComment: request.comment ?? null,
        version: notice.version + 1,
      };
      await repository.update(
        { id: notice.id },
        {
          status: decided.status,
          decidedBy: decided.decidedBy,
          decidedAt: decided.decidedAt,
          decisionComment: decided.decisionComment,
          version: decided.version,
        },
      );
      const result = toAbsenceNotice(decided);
      await this.history.append(manager, [
        {
          noticeId: notice.id,
          action: 'updated',
          oldValue: toAbsenceNotice(notice),
          newValue: result,
          actorId,
          at,
          reason: request.comment,
        },
      ]);
      return result;
    });
  }
}
