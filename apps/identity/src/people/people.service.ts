import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { IdentityEvents, type IdentityRpc, type RpcRequest } from '#contracts';
import { OutboxWriter, requireSystemActor } from '#platform';
import { assertUniqueKeys } from '../loading/batch-checks.js';
import { bulkUpsert } from '../loading/bulk-upsert.js';
import { resolveExternalKeys } from '../loading/resolve-external-keys.js';
import { PersonEntity } from './person.entity.js';

@Injectable()
export class PeopleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  async upsert(request: RpcRequest<typeof IdentityRpc.upsertPeople>): Promise<{ ids: Record<string, string> }> {
    requireSystemActor();
    const people = request.people.map((person) => ({ ...person, middleName: person.middleName ?? null }));
    assertUniqueKeys(people.map((person) => person.externalKey));
    return this.dataSource.transaction(async (manager) => {
      const ids = await resolveExternalKeys(
        manager,
        'person',
        people.map((person) => person.externalKey),
      );
      const rows = people.map((person) => ({ id: ids.get(person.externalKey)!, ...person }));
      const changed = await bulkUpsert<PersonEntity, { id: string }>(manager, PersonEntity, rows, {
        conflict: ['external_key'],
        overwrite: ['last_name', 'first_name', 'middle_name'],
        returning: ['id'],
      });
      const changedIds = new Set(changed.map((row) => row.id));
      if (changedIds.size > 0) {
        await this.outbox.append(manager, IdentityEvents.peopleSaved, {
          people: rows
            .filter((row) => changedIds.has(row.id))
            .map((row) => ({
              personId: row.id,
              lastName: row.lastName,
              firstName: row.firstName,
              middleName: row.middleName,
            })),
        });
      }
      return { ids: Object.fromEntries(ids) };
    });
  }
}
