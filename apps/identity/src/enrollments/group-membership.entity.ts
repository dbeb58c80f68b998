import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A student in a group from one date to another, both included; `to` null while still a member (R-CAL-3, R-CAL-4). */
@Entity({ name: 'group_membership' })
export class GroupMembershipEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'student_id', type: 'uuid' })
  studentId!: string;

  @Column({ name: 'group_id', type: 'uuid' })
  groupId!: string;

  @Column({ name: 'date_from', type: 'date' })
  from!: string;

  @Column({ name: 'date_to', type: 'date', nullable: true })
  to!: string | null;
}
