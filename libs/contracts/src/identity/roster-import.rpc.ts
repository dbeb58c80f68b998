import { z } from 'zod';
import { AcademicYearLabel, Id } from '../common/ids.js';
import { LocalDate } from '../common/local-date.js';
import { PersonName } from '../common/person-name.js';
import { defineRpc } from '../common/rpc-definition.js';
import { PersonalDataField } from './personal-data.rpc.js';

/** The largest roster file a school may upload (apps/identity/src/roster-import/README.md). */
export const ROSTER_FILE_MAX_BYTES = 5 * 1024 * 1024;

/**
 * The most base64 a roster file may take on the wire: a request or reply is one NATS message (max_payload 1 MiB), so
 * a file travels gzip-compressed where that helps. A CSV of a whole school compresses far below this.
 */
export const ROSTER_FILE_MAX_ENCODED_CHARS = 900 * 1024;

/** The roster file formats a school uploads and downloads, by their content types. */
export const ROSTER_FILE_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** A roster file as it travels between the gateway and identity: its name, type and bytes in base64. */
export const RosterFileContent = z
  .object({
    fileName: z.string().trim().min(1).max(255).meta({ description: 'Имя файла', example: 'Состав 5А.csv' }),
    contentType: z.string().max(200).nullable().default(null),
    compression: z.enum(['none', 'gzip']).default('none').meta({ description: 'Сжаты ли байты файла (gzip) перед base64' }),
    content: z.base64().max(ROSTER_FILE_MAX_ENCODED_CHARS).meta({ description: 'Байты файла в base64' }),
  })
  .meta({ id: 'RosterFileContent' });
export type RosterFileContent = z.infer<typeof RosterFileContent>;

/** A problem of a row of the file, or a remark about it, in Russian: row number as a spreadsheet shows it. */
export const RosterRowIssue = z
  .object({
    line: z.number().int().meta({ description: 'Номер строки файла (как в Excel)' }),
    column: z.string().nullable().meta({ description: 'Столбец, как он назван в файле; null — строка целиком' }),
    message: z.string(),
  })
  .meta({ id: 'RosterRowIssue' });
export type RosterRowIssue = z.infer<typeof RosterRowIssue>;

/** A person of the plan: one already in the journal (personId), or one the import creates (key). */
export const RosterImportPerson = z
  .object({
    personId: Id.nullable().meta({ description: 'Человек в журнале; null — будет создан' }),
    key: z.string().nullable().meta({ description: 'Ключ нового человека в плане (row-<строка>-student и т. п.)' }),
    name: PersonName,
  })
  .meta({ id: 'RosterImportPerson' });
export type RosterImportPerson = z.infer<typeof RosterImportPerson>;

export const RosterImportClass = z.object({ classId: Id, name: z.string() }).meta({ id: 'RosterImportClass' });
export type RosterImportClass = z.infer<typeof RosterImportClass>;

export const RosterImportSummary = z
  .object({
    rows: z.number().int(),
    studentsToCreate: z.number().int(),
    parentsToCreate: z.number().int(),
    enrollments: z.number().int(),
    transfers: z.number().int(),
    guardianships: z.number().int(),
    personalDataFills: z.number().int(),
    unchangedRows: z.number().int(),
    errors: z.number().int(),
  })
  .meta({ id: 'RosterImportSummary' });
export type RosterImportSummary = z.infer<typeof RosterImportSummary>;

const Line = z.number().int();

/**
 * The dry run of a roster import: what applying the file would change, every row error and remark, and the digest
 * that applying must carry. Personal data values are not repeated: only which fields would be filled. Lists longer
 * than the limit are cut (`truncated`); the summary counts everything.
 */
export const RosterImportPreview = z
  .object({
    digest: z.string().meta({ description: 'Отпечаток плана: передайте его при применении' }),
    academicYear: AcademicYearLabel,
    effectiveDate: LocalDate.meta({ description: 'Дата зачисления для строк без даты (сегодня в школе)' }),
    summary: RosterImportSummary,
    errors: z.array(RosterRowIssue),
    notes: z.array(RosterRowIssue),
    ignoredColumns: z.array(z.string()),
    createPeople: z.array(
      z.object({
        line: Line,
        key: z.string(),
        role: z.enum(['student', 'parent']),
        name: PersonName,
        personalData: z.array(PersonalDataField).meta({ description: 'Какие персональные данные будут записаны' }),
      }),
    ),
    fillPersonalData: z.array(z.object({ line: Line, person: RosterImportPerson, fields: z.array(PersonalDataField) })),
    addEnrollments: z.array(z.object({ line: Line, student: RosterImportPerson, class: RosterImportClass, from: LocalDate })),
    makeTransfers: z.array(
      z.object({ line: Line, student: RosterImportPerson, from: RosterImportClass, to: RosterImportClass, date: LocalDate }),
    ),
    addGuardianships: z.array(z.object({ line: Line, parent: RosterImportPerson, student: RosterImportPerson })),
    unchangedLines: z.array(Line),
    notInFile: z.array(z.object({ student: RosterImportPerson, class: RosterImportClass })),
    truncated: z.boolean().meta({ description: 'Списки сокращены; полные числа — в summary' }),
  })
  .meta({ id: 'RosterImportPreview' });
export type RosterImportPreview = z.infer<typeof RosterImportPreview>;

/** What an applied import changed. */
export const RosterImportOutcome = z
  .object({ digest: z.string(), academicYear: AcademicYearLabel, summary: RosterImportSummary })
  .meta({ id: 'RosterImportOutcome' });
export type RosterImportOutcome = z.infer<typeof RosterImportOutcome>;

export const RosterExportFormat = z.enum(['csv', 'xlsx']);
export type RosterExportFormat = z.infer<typeof RosterExportFormat>;

const ImportTarget = {
  schoolId: Id,
  academicYear: AcademicYearLabel.optional().meta({ description: 'Учебный год классов файла; по умолчанию текущий' }),
  file: RosterFileContent,
};

/**
 * Roster import and export (R-DATA-2): a school's students, classes and parents from a CSV or XLSX file, dry run
 * first, then all or nothing. The school's management (and its system administrator) for the whole school; a class
 * teacher for their own class only. Personal data in a file is written, and exported, only for staff on the
 * school's personal-data list (R-ACC-2).
 */
export const RosterImportRpc = {
  /** Reads the file and plans the import against the roster as it is now; changes nothing. */
  dryRun: defineRpc<RosterImportPreview>()('identity.roster-import.dry-run', z.object(ImportTarget)),
  /**
   * Plans the file again in one transaction and carries the plan out, whole or not at all; refuses a file with row
   * errors, and a plan whose digest differs from the dry run's. A file that changes nothing applies as nothing.
   */
  apply: defineRpc<RosterImportOutcome>()(
    'identity.roster-import.apply',
    z.object({ ...ImportTarget, digest: z.string().regex(/^[0-9a-f]{64}$/, 'Отпечаток плана — 64 шестнадцатеричные цифры') }),
  ),
  /** The roster of the school (or of one class) on a date, in the import's own format. */
  export: defineRpc<RosterFileContent>()(
    'identity.roster-import.export',
    z.object({
      schoolId: Id,
      academicYear: AcademicYearLabel.optional(),
      classId: Id.optional(),
      date: LocalDate.optional(),
      format: RosterExportFormat,
    }),
  ),
} as const;
