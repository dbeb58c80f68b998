import { Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '#contracts';

/** A role of an account in one school. */
@Entity({ name: 'role_grant' })
export class RoleGrantEntity {
  @PrimaryColumn({ name: 'account_id', type: 'uuid' })
  accountId!: string;

  @PrimaryColumn({ name: 'school_id', type: 'uuid' })
  schoolId!: string;

  @PrimaryColumn({ type: 'text' })
  role!: Role;
}
