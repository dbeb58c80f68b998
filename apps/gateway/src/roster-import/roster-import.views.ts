import { z } from 'zod';
import { AcademicYearLabel, Id, LocalDate, RosterExportFormat } from '#contracts';

export const SchoolParams = z.object({ schoolId: Id });

export const ImportQuery = z.object({
  fileName: z.string().trim().min(1).max(255).optional().meta({ description: 'Имя загружаемого файла', example: 'Состав 5А.csv' }),
  academicYear: AcademicYearLabel.optional().meta({ description: 'Учебный год классов файла; по умолчанию текущий' }),
});

export const ApplyQuery = ImportQuery.extend({
  digest: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'Отпечаток плана — 64 шестнадцатеричные цифры')
    .meta({ description: 'Отпечаток плана из ответа проверки (dry-run)' }),
});

export const ExportQuery = z.object({
  format: RosterExportFormat.default('xlsx').meta({ description: 'csv (UTF-8 с BOM, «;») или xlsx' }),
  classId: Id.optional().meta({ description: 'Один класс; без него — все классы школы' }),
  academicYear: AcademicYearLabel.optional().meta({ description: 'Учебный год; по умолчанию текущий' }),
  date: LocalDate.optional().meta({ description: 'Состав на дату; по умолчанию сегодня' }),
});
