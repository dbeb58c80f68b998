import type { PersonName } from '#contracts';

const collator = new Intl.Collator('ru', { sensitivity: 'variant' });

/** Orders people as a Russian class list does: last name, first name, middle name (Ё next to Е). */
export function byName<T extends PersonName & { id: string }>(a: T, b: T): number {
  return (
    collator.compare(a.lastName, b.lastName) ||
    collator.compare(a.firstName, b.firstName) ||
    collator.compare(a.middleName ?? '', b.middleName ?? '') ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}
