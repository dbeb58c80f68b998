import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { useRussianValidationMessages } from './russian-errors.js';

useRussianValidationMessages();
const message = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues[0]?.message;

describe('validation messages for people', () => {
  it('speaks plain Russian without English type names', () => {
    expect(message(z.number().int().min(1).max(5), 6)).toBe('Значение должно быть не больше 5');
    expect(message(z.object({ a: z.string() }), 'x')).toBe('Ожидалось: объект; получено: строка');
    expect(message(z.object({ a: z.string() }), {})).toBe('Обязательное поле');
    expect(message(z.string().min(1), '')).toBe('Поле не должно быть пустым');
    expect(message(z.array(z.string()).min(1), [])).toBe('Список не должен быть пустым');
    expect(message(z.number().int(), 1.5)).toBe('Ожидалось: целое число; получено: число');
    expect(message(z.string().max(3), 'abcdef')).toBe('Не длиннее 3 символов');
  });

  it('a query parameter that is no number says so, not "expected a number, got a number"', () => {
    expect(message(z.coerce.number().int(), 'abc')).toBe('Ожидалось: число');
  });

  it('instants and dates name the form they expect', () => {
    expect(message(z.iso.datetime(), 'garbage')).toBe('Ожидаются дата и время ISO 8601, например 2026-12-01T00:00:00Z');
    expect(message(z.iso.date(), '01.12.2026')).toBe('Ожидается дата ГГГГ-ММ-ДД, например 2026-12-01');
  });

  it('keeps zod\'s Russian for the rest', () => {
    expect(message(z.uuid(), 'x')).toBe('Неверный UUID');
  });
});
