import type { AbsenceReason, NoticeReason } from '#contracts';

/** The absence reason an accepted notice gives: illness → Б, family and other reasons → УП (R-ATT-1). */
export function reasonOfNotice(reason: NoticeReason): AbsenceReason {
  return reason === 'illness' ? 'illness' : 'excused';
}
