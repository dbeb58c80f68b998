import { z } from 'zod';

export const Id = z.uuid();
/** A stable key from the source a record was loaded from (demo generator, another system); makes loading idempotent. */
export const ExternalKey = z.string().min(1).max(200);
export const AcademicYearLabel = z.string().regex(/^\d{4}\/\d{4}$/, 'Учебный год в формате 2025/2026');
export const Grade = z.number().int().min(1).max(11);
export const SubjectCode = z.string().regex(/^[a-z0-9-]+$/).max(64);
export const LessonTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Время в формате ЧЧ:ММ');
export const Ok = z.object({ ok: z.literal(true) });
export type Ok = z.infer<typeof Ok>;
