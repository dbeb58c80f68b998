import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { IdentityEvents, type PersonName } from '#contracts';
import type { OutboxWriter } from '#platform';

export type NameInput = Omit<PersonName, 'middleName'> & { middleName?: string | null | undefined };

/** A person entered by the administration (not loaded from another system): a fresh id as its external key. */
export async function createPerson(manager: EntityManager, outbox: OutboxWriter, name: NameInput): Promise<string> {
  const id = randomUUID();
  const person = { lastName: name.lastName.trim(), firstName: name.firstName.trim(), middleName: name.middleName?.trim() || null };
  await manager.query(
    'INSERT INTO person (id, external_key, last_name, first_name, middle_name) VALUES ($1, $2, $3, $4, $5)',
    [id, `manual:person:${id}`, person.lastName, person.firstName, person.middleName],
  );
  await outbox.append(manager, IdentityEvents.peopleSaved, { people: [{ personId: id, ...person }] });
  return id;
}
