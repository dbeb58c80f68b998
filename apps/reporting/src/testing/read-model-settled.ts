import { ReportingRpc } from '#contracts';
import type { RpcClient } from '#platform';
import { eventually } from '#testing';

/** Waits until the read model has applied every event published so far. */
export async function readModelSettled(rpc: RpcClient): Promise<void> {
  await eventually(async () => {
    const { backlog } = await rpc.call(ReportingRpc.backlog, {});
    if (backlog !== 0) throw new Error(`Read model backlog: ${backlog}`);
  });
}
