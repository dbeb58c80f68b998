import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import { type Actor, type EventDefinition, IdentityRpc, type RoleGrant, SYSTEM_SEED_ACTOR } from '#contracts';
import type { RpcClient } from '#platform';

/** Helpers for the identity integration tests: loading as the system, person actors, reading the outbox. */

export const AS_SYSTEM = { actor: SYSTEM_SEED_ACTOR };

export const TIME_ZONE = 'Asia/Yekaterinburg';

export async function loadSchool(rpc: RpcClient, externalKey: string): Promise<string> {
  const { id } = await rpc.call(
    IdentityRpc.upsertSchool,
    {
      externalKey,
      name: `МБОУ «Тестовая СОШ» (${externalKey})`,
      timeZone: TIME_ZONE,
      markScaleMin: 2,
      workKinds: [{ code: 'answer', nameRu: 'Ответ на уроке', weight: '1' }],
    },
    AS_SYSTEM,
  );
  return id;
}

/** Loads invented people given as "Фамилия Имя Отчество" by external key; returns their ids by the same keys. */
export async function loadPeople<K extends string>(rpc: RpcClient, people: Record<K, string>): Promise<Record<K, string>> {
  const { ids } = await rpc.call(
    IdentityRpc.upsertPeople,
    {
      people: Object.entries<string>(people).map(([externalKey, fullName]) => {
        const [lastName = '', firstName = '', middleName = null] = fullName.split(' ');
        return { externalKey, lastName, firstName, middleName };
      }),
    },
    AS_SYSTEM,
  );
  return ids;
}

/** A signed-in person as the gateway passes them on. */
export function personActor(personId: string, grants: RoleGrant[] = []): Actor {
  return { kind: 'person', accountId: randomUUID(), personId, grants };
}

/** The payloads of the events of one kind written to the outbox, oldest first. */
export async function outboxEvents<P extends z.ZodType>(
  dataSource: DataSource,
  event: EventDefinition<P>,
): Promise<Array<z.infer<P>>> {
  const rows = await dataSource.query<Array<{ payload: z.infer<P> }>>(
    'SELECT payload FROM outbox WHERE subject = $1 ORDER BY seq',
    [event.subject],
  );
  return rows.map((row) => row.payload);
}
