import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A person known to the journal: staff, student or parent. Personal data (R-ACC-2) is not kept here. */
@Entity({ name: 'person' })
export class PersonEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'external_key', type: 'text', unique: true })
  externalKey!: string;

  @Column({ name: 'last_name', type: 'text' })
  lastName!: string;

  @Column({ name: 'first_name', type: 'text' })
  firstName!: string;

  @Column({ name: 'middle_name', type: 'text', nullable: true })
  middleName!: string | null;
}
