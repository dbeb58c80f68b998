import type { AbsenceNotice } from '#contracts';
import type { AbsenceNoticeEntity } from './absence-notice.entity.js';

export function toAbsenceNotice(entity: AbsenceNoticeEntity): AbsenceNotice {
  return {
    id: entity.id,
    schoolId: entity.schoolId,
    classId: entity.classId,
    studentId: entity.studentId,
    reason: entity.reason,
    from: entity.from,
    to: entity.to,
    comment: entity.comment,
    sentBy: entity.sentBy,
    sentAt: entity.sentAt.toISOString(),
    status: entity.status,
    decidedBy: entity.decidedBy,
    decidedAt: entity.decidedAt?.toISOString() ?? null,
    decisionComment: entity.decisionComment,
    version: entity.version,
  };
}
