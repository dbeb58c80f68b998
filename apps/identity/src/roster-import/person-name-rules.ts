import type { PersonName } from '#contracts';

const NAME_PART = /^\p{L}[\p{L}'’. -]*$/u;
const MAX_PART = 100;

function titleCase(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

/**
 * A part of a name as the journal keeps it: single spaces, no spaces around hyphens, and a part typed all in capitals
 * or all in small letters (ИВАНОВА-ПЕТРОВА, иванова) written as a name is: Иванова-Петрова.
 */
export function tidyNamePart(part: string): string {
  const spaced = part.replace(/\s+/g, ' ').replace(/\s*-\s*/g, '-').trim();
  const letters = spaced.replace(/[^\p{L}]/gu, '');
  if (letters.length < 2 || (letters !== letters.toUpperCase() && letters !== letters.toLowerCase())) return spaced;
  return spaced.replace(/\p{L}+/gu, titleCase);
}

/** Why a name part cannot be taken (in Russian), or undefined when it can. */
export function namePartProblem(part: string): string | undefined {
  if (part.length > MAX_PART) return `Не длиннее ${MAX_PART} символов`;
  if (!NAME_PART.test(part)) return 'Допустимы только буквы, пробел, дефис и апостроф';
  return undefined;
}

/** «Иванов Иван Иванович» → last, first, middle; a fourth word and more join the middle name (…Гасан оглы). */
export function splitFullName(text: string): PersonName | undefined {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length < 2) return undefined;
  const [lastName, firstName, ...rest] = words as [string, string, ...string[]];
  return { lastName, firstName, middleName: rest.length > 0 ? rest.join(' ') : null };
}

function keyPart(part: string | null): string {
  return (part ?? '').toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').replace(/\s*-\s*/g, '-').trim();
}

/**
 * The form in which names are compared to tell people apart: lower case, ё as е, surname|name|patronymic.
 * A missing patronymic is an empty one.
 */
export function nameKey(name: PersonName): string {
  return [keyPart(name.lastName), keyPart(name.firstName), keyPart(name.middleName)].join('|');
}
