import type { PersonName } from '#contracts';

// The database collation is not Russian (C.UTF-8): people and subjects are ordered here, as Russian readers expect.
const russian = new Intl.Collator('ru', { sensitivity: 'variant' });

export function compareRussian(left: string, right: string): number {
  return russian.compare(left, right);
}

/** By last, first, then middle name. */
export function compareNames(left: PersonName, right: PersonName): number {
  return (
    compareRussian(left.lastName, right.lastName) ||
    compareRussian(left.firstName, right.firstName) ||
    compareRussian(left.middleName ?? '', right.middleName ?? '')
  );
}
