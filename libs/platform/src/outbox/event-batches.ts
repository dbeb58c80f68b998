/**
 * NATS refuses messages over 1 MiB (max_payload), and an event that cannot be published would hold up the whole
 * outbox. A request's event is therefore one event unless it would exceed this budget, then as few as fit.
 */
export const EVENT_PAYLOAD_BUDGET_BYTES = 512 * 1024;

/** Splits items, in order, into the fewest consecutive groups whose JSON stays within the budget. */
export function batchesWithinBudget<T>(items: readonly T[], budgetBytes = EVENT_PAYLOAD_BUDGET_BYTES): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const item of items) {
    const itemSize = Buffer.byteLength(JSON.stringify(item)) + 1;
    if (current.length > 0 && size + itemSize > budgetBytes) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += itemSize;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
