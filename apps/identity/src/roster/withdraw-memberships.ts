import type { EntityManager } from 'typeorm';
import { IdentityEvents } from '#contracts';
import type { OutboxWriter } from '#platform';
import { scopedQuery } from '../database/scoped-query.js';

/** Removes group memberships that never started, and says so, so read models drop them too. */
export async function withdrawMemberships(manager: EntityManager, outbox: OutboxWriter, membershipIds: readonly string[]): Promise<void> {
  if (membershipIds.length === 0) return;
  await scopedQuery(manager, 'DELETE FROM group_membership WHERE id = ANY($1::uuid[])', [[...membershipIds]]);
  await outbox.append(manager, IdentityEvents.groupMembershipsWithdrawn, { membershipIds: [...membershipIds] });
}
