import type { Clock } from '#platform';
import type { GatewayConfig } from '../../apps/gateway/src/config/gateway-config.js';
import { type DemoLoadResult, loadDemoSchool } from '../../deploy/seed/load-demo-school.js';
import { type DemoSchoolOptions, type DemoSchoolPlan, planDemoSchool } from '../../deploy/seed/school/demo-school-plan.js';
import { MATRIX_ADMIN_TOKEN, type MatrixSystem, startMatrixSystem } from '../permission-matrix/matrix-system.js';

export const DEMO_PASSWORD = 'demo';

/**
 * The whole system in one test process, on the machine's real PostgreSQL, NATS and Redis: the five services, the
 * development OpenID provider and the gateway on real ports, with the demo school loaded through the services.
 */
export interface RunningSystem extends MatrixSystem {
  plan: DemoSchoolPlan;
  demo: DemoLoadResult;
}

export interface SystemOptions {
  /** Overrides of the gateway's configuration (e.g. rate limits for benchmarks). */
  gateway?: Partial<GatewayConfig>;
}

export async function startSystem(
  school: DemoSchoolOptions,
  clock: Clock,
  today: string,
  options: SystemOptions = {},
): Promise<RunningSystem> {
  const system = await startMatrixSystem(clock, options.gateway);
  try {
    const plan = planDemoSchool(school);
    const demo = await loadDemoSchool({
      rpc: system.rpc,
      plan,
      today,
      loadHistory: true,
      devIdp: { url: system.devIdp.url, adminToken: MATRIX_ADMIN_TOKEN },
      password: DEMO_PASSWORD,
    });
    await system.settle();
    return { ...system, plan, demo };
  } catch (error) {
    await system.close().catch(() => undefined);
    throw error;
  }
}
