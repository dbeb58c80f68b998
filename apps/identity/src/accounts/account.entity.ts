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

  @Column({ type: 'text', unique: true })
  subject!: string;

  @Column({ type: 'text', default: 'active' })
  status!: AccountStatus;
}
