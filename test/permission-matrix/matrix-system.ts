import { ReportingRpc, SYSTEM_SEED_ACTOR } from '#contracts';
import { type Clock, OutboxRelay, type RunningService, RpcClient } from '#platform';
import { createTestDeployment, eventually, freePort, TEST_REDIS_URL, type TestDeployment, startTestService } from '#testing';
import { attendanceServiceSpec } from '../../apps/attendance/src/attendance.service-spec.js';
import type { RunningDevIdp } from '../../apps/dev-idp/src/dev-idp-options.js';
import { startDevIdp } from '../../apps/dev-idp/src/start-dev-idp.js';
import type { GatewayConfig } from '../../apps/gateway/src/config/gateway-config.js';
import { type RunningGateway, startGateway } from '../../apps/gateway/src/start-gateway.js';
import { identityServiceSpec } from '../../apps/identity/src/identity.service-spec.js';
import { journalServiceSpec } from '../../apps/journal/src/journal.service-spec.js';
import { planningServiceSpec } from '../../apps/planning/src/planning.service-spec.js';
import { reportingServiceSpec } from '../../apps/reporting/src/reporting.service-spec.js';

const CLIENT_ID = 'ejournal-gateway';
const CLIENT_SECRET = 'matrix-client-secret';
export const MATRIX_ADMIN_TOKEN = 'matrix-admin-token';

export interface MatrixSystem {
  deployment: TestDeployment;
  services: RunningService[];
  devIdp: RunningDevIdp;
  gateway: RunningGateway;
  /** A client of the services on NATS, for loading the world as the system. */
  rpc: RpcClient;
  /** Waits until every committed change has reached the read model. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The five real services, the development OpenID provider and the gateway on the machine's PostgreSQL, NATS and
 * Redis, with nothing loaded: the matrix builds its own small world through the services' loading commands, the
 * demo system (test/support/start-system.ts) loads the demo school.
 */
export async function startMatrixSystem(clock: Clock, gatewayOverrides: Partial<GatewayConfig> = {}): Promise<MatrixSystem> {
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
      adminToken: MATRIX_ADMIN_TOKEN,
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
      ...gatewayOverrides,
    });
    const rpc = services[0]!.app.get(RpcClient);
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
    return { deployment, services, devIdp, gateway, rpc, settle, close };
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}
