import type { PlanningRpc, RpcRequest } from '#contracts';

/**
 * The 2025/26 school year of a school in ХМАО–Югра as published: Минпросвещения's recommended breaks (the same as
 * the region's), the production calendar's days off, quarters for grades 1–9 and half-years for 10–11 (R-CAL-1).
 * Source: shared/data/school-calendar-2025-2026.json (retrieved 2026-12-03).
 */
export function schoolYear2025(schoolId: string): RpcRequest<typeof PlanningRpc.upsertYear> {
  const quarters = { kind: 'quarter' as const, gradeFrom: 1, gradeTo: 9 };
  const halfYears = { kind: 'half-year' as const, gradeFrom: 10, gradeTo: 11 };
  const everyone = { gradeFrom: 1, gradeTo: 11 };
  return {
    schoolId,
    label: '2025/2026',
    start: '2025-09-01',
    end: '2026-05-26',
    derived: false,
    daysPerWeek: 5,
    periods: [
      { ...quarters, number: 1, nameRu: 'I четверть', start: '2025-09-01', end: '2025-10-24' },
      { ...quarters, number: 2, nameRu: 'II четверть', start: '2025-11-05', end: '2025-12-30' },
      { ...quarters, number: 3, nameRu: 'III четверть', start: '2026-01-12', end: '2026-03-27' },
      { ...quarters, number: 4, nameRu: 'IV четверть', start: '2026-04-06', end: '2026-05-26' },
      { ...halfYears, number: 1, nameRu: 'I полугодие', start: '2025-09-01', end: '2025-12-30' },
      { ...halfYears, number: 2, nameRu: 'II полугодие', start: '2026-01-12', end: '2026-05-26' },
    ],
    breaks: [
      { ...everyone, kind: 'autumn', nameRu: 'Осенние каникулы', start: '2025-10-25', end: '2025-11-02' },
      { ...everyone, kind: 'winter', nameRu: 'Зимние каникулы', start: '2025-12-31', end: '2026-01-11' },
      {
        kind: 'extra-grade1',
        nameRu: 'Дополнительные каникулы для первоклассников',
        start: '2026-02-16',
        end: '2026-02-22',
        gradeFrom: 1,
        gradeTo: 1,
      },
      { ...everyone, kind: 'spring', nameRu: 'Весенние каникулы', start: '2026-03-28', end: '2026-04-05' },
      { kind: 'summer', nameRu: 'Летние каникулы', start: '2026-05-27', end: '2026-08-31', gradeFrom: 1, gradeTo: 8 },
      { kind: 'summer', nameRu: 'Летние каникулы', start: '2026-05-27', end: '2026-08-31', gradeFrom: 10, gradeTo: 10 },
    ],
    daysOff: [
      { date: '2025-11-03', kind: 'transferred-day-off', nameRu: 'Перенесённый выходной (с субботы 1 ноября)' },
      { date: '2025-11-04', kind: 'public-holiday', nameRu: 'День народного единства' },
      { date: '2025-12-31', kind: 'transferred-day-off', nameRu: 'Перенесённый выходной (с января 2025)' },
      { date: '2026-01-01', kind: 'public-holiday', nameRu: 'Новогодние каникулы' },
      { date: '2026-01-02', kind: 'public-holiday', nameRu: 'Новогодние каникулы' },
      { date: '2026-01-03', kind: 'public-holiday', nameRu: 'Новогодние каникулы (суббота)' },
      { date: '2026-01-04', kind: 'public-holiday', nameRu: 'Новогодние каникулы (воскресенье)' },
      { date: '2026-01-05', kind: 'public-holiday', nameRu: 'Новогодние каникулы' },
      { date: '2026-01-06', kind: 'public-holiday', nameRu: 'Новогодние каникулы' },
      { date: '2026-01-07', kind: 'public-holiday', nameRu: 'Рождество Христово' },
      { date: '2026-01-08', kind: 'public-holiday', nameRu: 'Новогодние каникулы' },
      { date: '2026-01-09', kind: 'transferred-day-off', nameRu: 'Перенесённый выходной (с 3-4 января 2026)' },
      { date: '2026-02-23', kind: 'public-holiday', nameRu: 'День защитника Отечества' },
      { date: '2026-03-08', kind: 'public-holiday', nameRu: 'Международный женский день (воскресенье)' },
      { date: '2026-03-09', kind: 'transferred-day-off', nameRu: 'Перенос выходного: 8 марта выпало на воскресенье' },
      { date: '2026-05-01', kind: 'public-holiday', nameRu: 'Праздник Весны и Труда' },
      { date: '2026-05-09', kind: 'public-holiday', nameRu: 'День Победы (суббота)' },
      { date: '2026-05-11', kind: 'transferred-day-off', nameRu: 'Перенос выходного: 9 мая выпало на субботу' },
    ],
    workingWeekendDays: ['2025-11-01'],
  };
}
