import { DataSource } from 'typeorm';
import { type Clock, type RunningService, RpcClient } from '#platform';
import { startTestService, type TestServiceSpec } from '../start-test-service.js';
import { createTestDeployment, type TestDeployment } from '../test-deployment.js';
import { startFakeNeighbours } from './fake-neighbours.js';
import { FakeSchoolWorld } from './fake-school-world.js';

/** A service that keeps records of lessons, on real Postgres and NATS, with fake planning and identity beside it. */
export interface LessonServiceHarness {
  deployment: TestDeployment;
  world: FakeSchoolWorld;
  rpc: RpcClient;
  db: DataSource;
  close(): Promise<void>;
}

/**
 * Starts the service of `spec` in a throwaway deployment; fake responders answer from the harness's world. The
 * service runs on `clock` (default: TEST_NOW).
 */
export async function startLessonServiceHarness(spec: TestServiceSpec, options: { clock?: Clock } = {}): Promise<LessonServiceHarness> {
  const deployment = await createTestDeployment([spec.schema]);
  const world = new FakeSchoolWorld();
  let neighbours: RunningService | undefined;
  let service: RunningService | undefined;
  const close = async () => {
    await service?.close();
    await neighbours?.close();
    await deployment.dispose();
  };
  try {
    neighbours = await startFakeNeighbours(deployment, world);
    service = await startTestService(spec, deployment, options.clock);
    return { deployment, world, rpc: service.app.get(RpcClient), db: service.app.get(DataSource), close };
  } catch (error) {
    await close();
    throw error;
  }
}
