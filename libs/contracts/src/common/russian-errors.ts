import { z } from 'zod';

const TYPE_NAMES: Record<string, string> = {
  string: 'строка',
  number: 'число',
  int: 'целое число',
  bigint: 'целое число',
  boolean: 'да или нет (true/false)',
  object: 'объект',
  array: 'список',
  date: 'дата',
  null: 'пустое значение (null)',
  undefined: 'ничего',
};

function typeName(type: string): string {
  return TYPE_NAMES[type] ?? type;
}

function typeOf(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  return typeof input;
}

/** Formats whose ru-locale messages read badly («Неверный ISO дата и время»). */
const FORMATS: Record<string, string> = {
  datetime: 'Ожидаются дата и время ISO 8601, например 2026-12-01T00:00:00Z',
  date: 'Ожидается дата ГГГГ-ММ-ДД, например 2026-12-01',
  time: 'Ожидается время ЧЧ:ММ, например 08:30',
};

interface BoundIssue {
  origin?: string;
  inclusive?: boolean;
  minimum?: number | bigint;
  maximum?: number | bigint;
}

function tooBig(issue: BoundIssue): string | undefined {
  const max = String(issue.maximum);
  switch (issue.origin ?? '') {
    case 'number':
    case 'int':
    case 'bigint':
      return issue.inclusive === false ? `Значение должно быть меньше ${max}` : `Значение должно быть не больше ${max}`;
    case 'string':
      return `Не длиннее ${max} символов`;
    case 'array':
      return `Не больше ${max} элементов`;
    default:
      return undefined;
  }
}

function tooSmall(issue: BoundIssue): string | undefined {
  const min = String(issue.minimum);
  switch (issue.origin ?? '') {
    case 'number':
    case 'int':
    case 'bigint':
      return issue.inclusive === false ? `Значение должно быть больше ${min}` : `Значение должно быть не меньше ${min}`;
    case 'string':
      return min === '1' ? 'Поле не должно быть пустым' : `Не короче ${min} символов`;
    case 'array':
      return min === '1' ? 'Список не должен быть пустым' : `Не меньше ${min} элементов`;
    default:
      return undefined;
  }
}

/** Validation messages people read: plain Russian, without English type names; the rest from zod's ru locale. */
export function useRussianValidationMessages(): void {
  const russian = z.locales.ru().localeError;
  z.config({
    localeError: (issue) => {
      if (issue.code === 'invalid_type') {
        if (issue.input === undefined) return 'Обязательное поле';
        // A query parameter coerced to a number: «abc» arrives as NaN, which is of type number.
        if (typeof issue.input === 'number' && Number.isNaN(issue.input)) return `Ожидалось: ${typeName(issue.expected)}`;
        return `Ожидалось: ${typeName(issue.expected)}; получено: ${typeName(typeOf(issue.input))}`;
      }
      if (issue.code === 'invalid_format' && issue.format in FORMATS) return FORMATS[issue.format];
      if (issue.code === 'too_big') return tooBig(issue) ?? russian(issue);
      if (issue.code === 'too_small') return tooSmall(issue) ?? russian(issue);
      return russian(issue);
    },
  });
}
