import { Column, Entity } from 'typeorm';
import { HistoryRecordEntity } from '#platform';

/** One change of an absence notice: sent, accepted or rejected; append-only. */
@Entity({ name: 'absence_notice_history' })
export class AbsenceNoticeHistoryEntity extends HistoryRecordEntity {
  @Column({ name: 'notice_id', type: 'uuid' })
  noticeId!: string;
}
