import { ReportingRpc, SYSTEM_SEED_ACTOR } from '#contracts';
import { type Clock, OutboxRelay, type RunningService, RpcClient } from '#platform';
import { createTestDeployment, eventually, freePort, TEST_REDIS_URL, type TestDeployment, startTestService } from '#testing';
import { attendanceServiceSpec } from '../../apps/attendance/src/attendance.service-spec.js';
import { startDevIdp } from '../../apps/dev-idp/src/start-dev-idp.js';
import type { RunningDevIdp } from '../../apps/dev-idp/src/dev-idp-options.js';
import type { GatewayConfig } from '../../apps/gateway/src/config/gateway-config.js';
import { type RunningGateway, startGateway } from '../../apps/gateway/src/start-gateway.js';
import { identityServiceSpec } from '../../apps/identity/src/identity.service-spec.js';
import { journalServiceSpec } from '../../apps/journal/src/journal.service-spec.js';
import { planningServiceSpec } from '../../apps/planning/src/planning.service-spec.js';
import { reportingServiceSpec } from '../../apps/reporting/src/reporting.service-spec.js';
import { type DemoLoadResult, loadDemoSchool } from '../../deploy/seed/load-demo-school.js';
import { type DemoSchoolOptions, type DemoSchoolPlan, planDemoSchool } from '../../deploy/seed/school/demo-school-plan.js';

export const DEMO_PASSWORD = 'demo';
const CLIENT_ID = 'ejournal-gateway';
const CLIENT_SECRET = 'e2e-client-secret';
const ADMIN_TOKEN = 'e2e-admin-token';

export interface RunningSystem {
  deployment: TestDeployment;
  services: RunningService[];
  devIdp: RunningDevIdp;
  gateway: RunningGateway;
  plan: DemoSchoolPlan;
  demo: DemoLoadResult;
  /** Waits until every committed change has reached the read model. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The whole system in one test process, on the machine's real PostgreSQL, NATS and Redis: the five services, the
 * development OpenID provider and the gateway on real ports, with the demo school loaded through the services.
 */
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
  const deployment = await createTestDeployment();
  const services: RunningService[] = [];
  let devIdp: RunningDevIdp | undefined;
  let gateway: RunningGateway | undefined;
  const close = async () => {
    await gateway?.close();
    await devIdp?.close();
    await Promise.all(services.map((service) => service.close()));
    await deployment.dispose();
  };
  try {
    for (const spec of [identityServiceSpec, planningServiceSpec, journalServiceSpec, attendanceServiceSpec, reportingServiceSpec]) {
      services.push(await startTestService(spec, deployment, clock));
    }
    const gatewayPort = await freePort();
    const gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
    const redirectUrl = `${gatewayUrl}/api/v1/auth/callback`;
    devIdp = await startDevIdp({
      port: 0,
      host: '127.0.0.1',
      clients: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUris: [redirectUrl] }],
      redis: { url: TEST_REDIS_URL, keyPrefix: deployment.nats.prefix },
      adminToken: ADMIN_TOKEN,
      logger: false,
    });
    gateway = await startGateway({
      port: gatewayPort,
      host: '127.0.0.1',
      publicUrl: gatewayUrl,
      oidc: { issuer: devIdp.url, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUrl, scopes: ['profile'] },
      redisUrl: TEST_REDIS_URL,
      nats: deployment.nats,
      sessionTtlSeconds: 3_600,
      cookieSecure: false,
      clock,
      rpcTimeoutMs: 15_000,
      logger: false,
      ...options.gateway,
    });
    const plan = planDemoSchool(school);
    const rpc = services[0]!.app.get(RpcClient);
    const demo = await loadDemoSchool({
      rpc,
      plan,
      today,
      loadHistory: true,
      devIdp: { url: devIdp.url, adminToken: ADMIN_TOKEN },
      password: DEMO_PASSWORD,
    });
    const settle = async () => {
      await Promise.all(services.map((service) => service.app.get(OutboxRelay).flush()));
      await eventually(
        async () => {
          const { backlog } = await rpc.call(ReportingRpc.backlog, {}, { actor: SYSTEM_SEED_ACTOR });
          if (backlog !== 0) throw new Error(`read model is ${backlog} events behind`);
        },
        { timeoutMs: 60_000, intervalMs: 100 },
      );
    };
    await settle();
    return { deployment, services, devIdp, gateway, plan, demo, settle, close };
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}
