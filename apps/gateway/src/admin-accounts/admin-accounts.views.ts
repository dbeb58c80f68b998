import { z } from 'zod';
import { AccessLogEntry, AdminAccount, Id, OidcSubject, Role } from '#contracts';

export const SchoolParams = z.object({ schoolId: Id });
export const AccountParams = z.object({ accountId: Id });
export const GrantParams = z.object({ accountId: Id, schoolId: Id, role: Role });

export const AccountList = z.object({ accounts: z.array(AdminAccount) }).meta({ id: 'AccountList' });
export const SubjectInput = z.object({ subject: OidcSubject }).meta({ id: 'SubjectInput' });
export const AccountSettingsInput = z
  .object({ snilsMatching: z.boolean().meta({ description: 'Привязывать вход по СНИЛС при первом входе через ЕСИА' }) })
  .meta({ id: 'AccountSettingsInput' });

export const AccessLogPage = z
  .object({ entries: z.array(AccessLogEntry), next: z.string().nullable() })
  .meta({ id: 'AccessLogPage' });
