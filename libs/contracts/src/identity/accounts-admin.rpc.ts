import { z } from 'zod';
import { RoleGrant } from '../common/actor.js';
import { Id } from '../common/ids.js';
import { PersonName } from '../common/person-name.js';
import { Role } from '../common/role.js';
import { defineRpc } from '../common/rpc-definition.js';
import { LogPage } from './log-page.js';

/**
 * Roles an administrator may grant. Never `student`: the regulation forbids admitting students to the journal, so
 * nobody creates a student account or grants the role through the administration (R-ACC-1).
 */
export const GrantableRole = Role.exclude(['student']).meta({ description: 'Роль (роль обучающегося не выдаётся)' });
export type GrantableRole = z.infer<typeof GrantableRole>;

export const GrantInput = z
  .object({ role: GrantableRole, schoolId: Id })
  .meta({ id: 'GrantInput', description: 'Роль в школе' });
export type GrantInput = z.infer<typeof GrantInput>;

/** An OIDC subject: the ESIA subject id of the person (or the dev provider's). */
export const OidcSubject = z.string().trim().min(1).max(200).meta({ description: 'Идентификатор (sub) у поставщика входа' });

/** An account as its administrators see it. */
export const AdminAccount = z
  .object({
    id: Id,
    personId: Id,
    name: PersonName,
    /** The school the account was created in (its administrators manage it). */
    schoolId: Id.nullable(),
    status: z.enum(['active', 'revoked']),
    subjectLinked: z.boolean().meta({ description: 'Привязан ли вход (OIDC-субъект)' }),
    awaitingSnilsMatch: z
      .boolean()
      .meta({ description: 'Вход ещё не привязан, и школа разрешает привязку по СНИЛС при первом входе' }),
    grants: z.array(RoleGrant),
  })
  .meta({ id: 'AdminAccount' });
export type AdminAccount = z.infer<typeof AdminAccount>;

/** A new account: of an existing person or of a new one; with its subject, or pending (linked later or by SNILS). */
export const NewAccount = z
  .object({
    personId: Id.optional().meta({ description: 'Существующий человек' }),
    newPerson: PersonName.optional().meta({ description: 'Новый человек' }),
    subject: OidcSubject.optional(),
    grants: z.array(GrantInput).min(1).max(20),
  })
  .refine((account) => (account.personId === undefined) !== (account.newPerson === undefined), {
    message: 'Укажите либо существующего человека (personId), либо нового (newPerson)',
    path: ['personId'],
  })
  .meta({ id: 'NewAccount' });
export type NewAccount = z.infer<typeof NewAccount>;

export const AccountSettings = z
  .object({
    schoolId: Id,
    snilsMatching: z.boolean().meta({ description: 'Привязывать вход по СНИЛС при первом входе через ЕСИА' }),
  })
  .meta({ id: 'AccountSettings' });
export type AccountSettings = z.infer<typeof AccountSettings>;

/** What changed in someone's access (R-ACC-1, R-ACC-2, R-ACC-4). */
export const AccessChange = z.enum([
  'account-created',
  'subject-linked',
  'subject-linked-by-snils',
  'role-granted',
  'role-revoked',
  'account-revoked',
  'account-restored',
  'snils-matching-changed',
  'personal-data-list-added',
  'personal-data-list-removed',
]);
export type AccessChange = z.infer<typeof AccessChange>;

/** One change of access: who, whom, what, when (an append-only log). */
export const AccessLogEntry = z
  .object({
    id: z.string(),
    at: z.iso.datetime({ offset: true }),
    schoolId: Id,
    actorId: Id.nullable().meta({ description: 'Кто изменил (null — система, например вход по СНИЛС)' }),
    actorName: z.string().nullable(),
    accountId: Id.nullable(),
    personId: Id.nullable(),
    personName: z.string().nullable(),
    change: AccessChange,
    role: Role.nullable(),
  })
  .meta({ id: 'AccessLogEntry' });
export type AccessLogEntry = z.infer<typeof AccessLogEntry>;

/**
 * Request/reply subjects of the administration of accounts: the system administrator and the IS coordinator of a
 * school (libs/policy). Every change is logged and ends the account's open sessions (R-ACC-4).
 */
export const AccountsAdminRpc = {
  list: defineRpc<{ accounts: AdminAccount[] }>()('identity.accounts-admin.list', z.object({ schoolId: Id })),
  /** Creates an account in the school; every grant must be in a school the caller administers. */
  create: defineRpc<AdminAccount>()('identity.accounts-admin.create', z.object({ schoolId: Id, account: NewAccount })),
  get: defineRpc<AdminAccount>()('identity.accounts-admin.get', z.object({ accountId: Id })),
  /** Grants a role in a school the caller administers; a role already held changes nothing. */
  grant: defineRpc<AdminAccount>()('identity.accounts-admin.grant', GrantInput.extend({ accountId: Id })),
  /** Revokes one role in a school the caller administers; a role not held changes nothing. */
  revokeGrant: defineRpc<AdminAccount>()('identity.accounts-admin.revoke-grant', RoleGrant.extend({ accountId: Id })),
  /** Links the account to an OIDC subject (a subject of another account is a CONFLICT). */
  linkSubject: defineRpc<AdminAccount>()('identity.accounts-admin.link-subject', z.object({ accountId: Id, subject: OidcSubject })),
  /** Revokes the whole account (an administrator of each of its schools); revoking twice changes nothing. */
  revoke: defineRpc<AdminAccount>()('identity.accounts-admin.revoke', z.object({ accountId: Id })),
  restore: defineRpc<AdminAccount>()('identity.accounts-admin.restore', z.object({ accountId: Id })),
  settings: defineRpc<AccountSettings>()('identity.accounts-admin.settings', z.object({ schoolId: Id })),
  setSettings: defineRpc<AccountSettings>()('identity.accounts-admin.set-settings', AccountSettings),
  /** The school's access log, newest first (the system administrator, the IS coordinator, the director). */
  log: defineRpc<{ entries: AccessLogEntry[]; next: string | null }>()('identity.accounts-admin.log', LogPage.extend({ schoolId: Id })),
} as const;
