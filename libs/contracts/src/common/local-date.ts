import { z } from 'zod';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A calendar date in the school's time zone, `YYYY-MM-DD` (R-CAL-2); never a JS Date on the wire. */
export const LocalDate = z
  .string()
  .regex(ISO_DATE, 'Дата должна быть в формате ГГГГ-ММ-ДД')
  .refine(isRealCalendarDate, 'Такой даты нет в календаре')
  .meta({ description: 'Дата в часовом поясе школы, ГГГГ-ММ-ДД', example: '2026-12-03' });
export type LocalDate = z.infer<typeof LocalDate>;
