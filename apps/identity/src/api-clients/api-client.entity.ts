import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ApiClientScope } from '#contracts';

export type ApiClientStatus = 'active' | 'revoked';

/** A machine client created by an administrator (OAuth2 client credentials); the secret is kept as a scrypt hash. */
@Entity({ name: 'api_client' })
export class ApiClientEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Column({ name: 'secret_hash', type: 'text' })
  secretHash!: string;

  @Column({ type: 'text', array: true })
  scopes!: ApiClientScope[];

  @Column({ name: 'school_ids', type: 'uuid', array: true })
  schoolIds!: string[];

  @Column({ type: 'text', default: 'active' })
  status!: ApiClientStatus;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'revoked_by', type: 'uuid', nullable: true })
  revokedBy!: string | null;
}
