import { randomBytes } from 'node:crypto';
import { fullName } from '#contracts';
import { type Clock, FixedClock, type RunningService } from '#platform';
import {
  ApiSession,
  createTestDeployment,
  freePort,
  loginThroughDevIdp,
  putDevIdpUser,
  TEST_NOW,
  TEST_REDIS_URL,
  type TestDeployment,
} from '#testing';
import type { GatewayConfig } from '../config/gateway-config.js';
import { type RunningGateway, startGateway } from '../start-gateway.js';
import { FAKE_SERVICES, type FakeServiceName, startFakeService } from './fake-services.js';
import { FakeWorld, PEOPLE, type TestPerson } from './fake-world.js';

/** The shape of apps/dev-idp's startDevIdp, passed in by the test (an app does not import another app). */
export type DevIdpStarter = (options: {
  port: number;
  clients: { clientId: string; clientSecret: string; redirectUris: string[] }[];
  redis: { url: string; keyPrefix: string };
  adminToken: string;
  logger: false;
}) => Promise<{ url: string; close(): Promise<void> }>;

export interface GatewayHarness {
  deployment: TestDeployment;
  world: FakeWorld;
  idpUrl: string;
  gateway: RunningGateway;
  config: GatewayConfig;
  login(person: TestPerson): Promise<ApiSession>;
  /** A client with no session at all. */
  anonymous(): ApiSession;
  stopFake(name: FakeServiceName): Promise<void>;
  dispose(): Promise<void>;
}

const ADMIN_TOKEN = 'gateway-test-admin-token';

/**
 * One test file's world: real NATS with fake services, the real dev IdP on real Redis with the test people, and the
 * gateway, all under the deployment's own prefix.
 */
export async function startGatewayHarness(
  startDevIdp: DevIdpStarter,
  { clock = new FixedClock(TEST_NOW) }: { clock?: Clock } = {},
): Promise<GatewayHarness> {
  const deployment = await createTestDeployment([]);
  const world = new FakeWorld();
  const fakes = new Map<FakeServiceName, RunningService>();
  for (const name of FAKE_SERVICES) fakes.set(name, await startFakeService(name, world, deployment));

  const port = await freePort();
  const gatewayUrl = `http://127.0.0.1:${port}`;
  const redirectUrl = `${gatewayUrl}/api/v1/auth/callback`;
  const client = { clientId: 'ejournal-gateway', clientSecret: randomBytes(16).toString('hex'), redirectUris: [redirectUrl] };
  const idp = await startDevIdp({
    port: 0,
    clients: [client],
    redis: { url: TEST_REDIS_URL, keyPrefix: deployment.nats.prefix },
    adminToken: ADMIN_TOKEN,
    logger: false,
  });
  for (const person of PEOPLE) {
    await putDevIdpUser(idp.url, ADMIN_TOKEN, person.login, {
      subject: person.subject,
      password: person.password,
      name: fullName(person.account.name),
    });
  }

  const config: GatewayConfig = {
    port,
    host: '127.0.0.1',
    publicUrl: gatewayUrl,
    oidc: { issuer: idp.url, clientId: client.clientId, clientSecret: client.clientSecret, redirectUrl, scopes: ['profile'] },
    redisUrl: TEST_REDIS_URL,
    nats: deployment.nats,
    sessionTtlSeconds: 3_600,
    cookieSecure: false,
    clock,
    rpcTimeoutMs: 5_000,
    ...(process.env.TEST_LOGS ? {} : { logger: false as const }),
  };
  const gateway = await startGateway(config);

  return {
    deployment,
    world,
    idpUrl: idp.url,
    gateway,
    config,
    login: (person) => loginThroughDevIdp(gateway.url, person.login, person.password),
    anonymous: () => new ApiSession(gateway.url),
    stopFake: async (name) => {
      await fakes.get(name)?.close();
      fakes.delete(name);
    },
    dispose: async () => {
      await gateway.close();
      await idp.close();
      for (const fake of fakes.values()) await fake.close();
      await deployment.dispose();
    },
  };
}
