import { Column, Entity, PrimaryColumn } from 'typeorm';

export type AccountStatus = 'active' | 'revoked';

/** An OIDC subject linked to a person by an administrator (R-ACC-1). */
@Entity({ name: 'account' })
export class AccountEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'external_key', type: 'text', unique: true })
  externalKey!: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  /** Null while the account awaits its subject (linked by an administrator, or by SNILS at the first sign-in). */
  @Column({ type: 'text', unique: true, nullable: true })
  subject!: string | null;

  /** The school the account was created in; its administrators manage the account. */
  @Column({ name: 'school_id', type: 'uuid', nullable: true })
  schoolId!: string | null;

  @Column({ type: 'text', default: 'active' })
  status!: AccountStatus;
}
