import { DataSource } from 'typeorm';
import { type RunningService, RpcClient } from '#platform';
import { createTestDeployment, eventually, startTestService, type TestDeployment } from '#testing';
import { journalServiceSpec } from '../journal.service-spec.js';
import { startFakeNeighbours } from './fake-neighbours.js';
import { FakeSchoolWorld } from './fake-school.js';

/** The journal on real Postgres and NATS, with fake planning and identity responders in the same deployment. */
export interface JournalHarness {
  deployment: TestDeployment;
  world: FakeSchoolWorld;
  rpc: RpcClient;
  db: DataSource;
  close(): Promise<void>;
}

export async function startJournalHarness(): Promise<JournalHarness> {
  const deployment = await createTestDeployment(['journal']);
  const world = new FakeSchoolWorld();
  let neighbours: RunningService | undefined;
  let journal: RunningService | undefined;
  const close = async () => {
    await journal?.close();
    await neighbours?.close();
    await deployment.dispose();
  };
  try {
    neighbours = await startFakeNeighbours(deployment, world);
    journal = await startTestService(journalServiceSpec, deployment);
    return { deployment, world, rpc: journal.app.get(RpcClient), db: journal.app.get(DataSource), close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Today and its neighbours for the test clock (TEST_NOW is 3 December 2026, 10:00 in Yekaterinburg). */
export const TODAY = '2026-12-03';
export const YESTERDAY = '2026-12-02';
export const TOMORROW = '2026-12-04';

/** The refusal a call ends with, as the caller sees it. */
export async function refusalOf(call: Promise<unknown>): Promise<{ code: string; message: string; details?: unknown }> {
  try {
    await call;
  } catch (error) {
    const { code, message, details } = error as { code: string; message: string; details?: unknown };
    return { code, message, details };
  }
  throw new Error('Expected the call to be refused');
}

/** Waits until the relay has published everything committed to the outbox. */
export async function outboxDrained(h: JournalHarness): Promise<void> {
  await eventually(async () => {
    const [row] = await h.db.query<Array<{ n: number }>>('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL');
    if (row?.n !== 0) throw new Error(`${row?.n} outbox events not published yet`);
  });
}
