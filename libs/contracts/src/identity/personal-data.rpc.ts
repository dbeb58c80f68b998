import { z } from 'zod';
import { Id } from '../common/ids.js';
import { LocalDate } from '../common/local-date.js';
import { PersonName } from '../common/person-name.js';
import { defineRpc } from '../common/rpc-definition.js';
import { Person } from './identity.models.js';
import { LogPage } from './log-page.js';
import { IdentityDocument, Phone, Snils } from './personal-data-formats.js';

/** The personal data of a person (R-ACC-2, 152-FZ): kept apart from the person, never in events or logs. */
export const PersonalDataField = z.enum(['birthDate', 'address', 'phones', 'document', 'snils']);
export type PersonalDataField = z.infer<typeof PersonalDataField>;

export const PersonalData = z
  .object({
    birthDate: LocalDate.nullable().meta({ description: 'Дата рождения' }),
    address: z.string().nullable().meta({ description: 'Адрес' }),
    phones: z.array(z.string()).meta({ description: 'Телефоны, +7XXXXXXXXXX' }),
    document: IdentityDocument.nullable(),
    snils: z.string().nullable().meta({ description: 'СНИЛС, 11 цифр' }),
  })
  .meta({ id: 'PersonalData' });
export type PersonalData = z.infer<typeof PersonalData>;

/** What the administration writes: the whole record at once; a missing field is empty. */
export const PersonalDataInput = z
  .object({
    birthDate: LocalDate.nullable().default(null).meta({ description: 'Дата рождения' }),
    address: z.string().trim().min(1).max(500).nullable().default(null).meta({ description: 'Адрес' }),
    phones: z.array(Phone).max(5).default([]),
    document: IdentityDocument.nullable().default(null),
    snils: Snils.nullable().default(null),
  })
  .meta({ id: 'PersonalDataInput' });
export type PersonalDataInput = z.infer<typeof PersonalDataInput>;

/**
 * A person as the reader may see them: the name always; the personal data only for staff on the personal-data list
 * of a school of the person and for the person's guardians (R-ACC-2), otherwise `personalData` is null.
 */
export const PersonCard = z
  .object({
    person: Person,
    personalDataVisible: z.boolean().meta({ description: 'Видны ли читателю персональные данные' }),
    personalData: PersonalData.nullable(),
  })
  .meta({ id: 'PersonCard' });
export type PersonCard = z.infer<typeof PersonCard>;

/** Staff of a school allowed to see personal data, kept by the director (R-ACC-2). */
export const PersonalDataStaffMember = z
  .object({
    personId: Id,
    name: PersonName,
    addedAt: z.iso.datetime({ offset: true }),
    addedBy: Id.nullable(),
  })
  .meta({ id: 'PersonalDataStaffMember' });
export type PersonalDataStaffMember = z.infer<typeof PersonalDataStaffMember>;

/** One read (or write) of personal data: who, whose, which fields, when (152-FZ); never the values. */
export const PersonalDataLogEntry = z
  .object({
    id: z.string(),
    at: z.iso.datetime({ offset: true }),
    action: z.enum(['read', 'write']),
    readerId: Id.nullable().meta({ description: 'Кто читал или изменял (null — система)' }),
    readerName: z.string().nullable(),
    personId: Id,
    personName: z.string(),
    fields: z.array(PersonalDataField),
  })
  .meta({ id: 'PersonalDataLogEntry' });
export type PersonalDataLogEntry = z.infer<typeof PersonalDataLogEntry>;

/** Request/reply subjects of identity's personal data (R-ACC-2). Every read that shows personal data is logged. */
export const PersonalDataRpc = {
  /** The person; their personal data when the caller may see it (the read is then logged). NOT_FOUND if not visible. */
  read: defineRpc<PersonCard>()('identity.personal-data.read', z.object({ personId: Id })),
  /** Replaces the person's personal data (the administration on the personal-data list); the write is logged. */
  write: defineRpc<PersonCard>()('identity.personal-data.write', z.object({ personId: Id, data: PersonalDataInput })),
  /** The school's personal-data list. */
  staff: defineRpc<{ staff: PersonalDataStaffMember[] }>()('identity.personal-data.staff', z.object({ schoolId: Id })),
  /** The director puts a member of the school's staff on the list; putting them twice changes nothing. */
  addStaff: defineRpc<{ staff: PersonalDataStaffMember[] }>()(
    'identity.personal-data.staff-add',
    z.object({ schoolId: Id, personId: Id }),
  ),
  /** The director takes a person off the list; someone not on it changes nothing. */
  removeStaff: defineRpc<{ removed: boolean }>()(
    'identity.personal-data.staff-remove',
    z.object({ schoolId: Id, personId: Id }),
  ),
  /** Reads and writes of personal data of the school's people, newest first (the director and the coordinator). */
  log: defineRpc<{ entries: PersonalDataLogEntry[]; next: string | null }>()(
    'identity.personal-data.log',
    LogPage.extend({ schoolId: Id }),
  ),
} as const;
