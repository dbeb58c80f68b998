import { randomUUID } from 'node:crypto';
import type { Person } from '#contracts';

/** An invented person with a fresh id. */
export function person(lastName: string, firstName: string): Person {
  return { id: randomUUID(), lastName, firstName, middleName: null };
}
