import { schoolDateAt } from '#domain';
import { analyzeDatabase, PrefixedNatsClient, provisionDatabase, RpcClient, serviceDatabaseUrl } from '#platform';
import { waitForReadModel } from '../read-model/read-model-admin.js';
import { loadDemoSchool } from '../seed/load-demo-school.js';
import { type DemoSchoolPlan, FULL_DEMO_SCHOOL, planDemoSchool } from '../seed/school/demo-school-plan.js';
import { type ManagedProcess, runToCompletion, startNodeProcess, stopAll, waitForHttp } from './child-processes.js';
import { ensureInfrastructure } from './infrastructure.js';
import { SERVICES, type StackConfig } from './stack-config.js';

export interface RunningStack {
  processes: ManagedProcess[];
  plan: DemoSchoolPlan;
  stop(): Promise<void>;
}

/**
 * The whole system as separate processes, as deployed: infrastructure checked (or started), database and roles
 * provisioned, migrations run, every service, the dev OpenID provider and the gateway started and healthy, and the
 * demo school loaded. `extraGatewayEnv` tunes the gateway (benchmarks lift the rate limits).
 */
export async function startStack(
  config: StackConfig,
  log: (line: string) => void,
  extraGatewayEnv: Record<string, string> = {},
): Promise<RunningStack> {
  const running: ManagedProcess[] = [];
  const stop = () => stopAll(running);
  try {
    await ensureInfrastructure(config, log);
    const roles = SERVICES.map((schema) => config.role(schema));
    await provisionDatabase(config.ADMIN_DATABASE_URL, config.EJ_DATABASE, roles);
    log(`database ${config.EJ_DATABASE} with one role per service schema`);

    const shared = {
      NATS_URL: config.NATS_URL,
      NATS_PREFIX: config.NATS_PREFIX,
      REDIS_URL: config.REDIS_URL,
      ...(config.CLOCK_NOW ? { CLOCK_NOW: config.CLOCK_NOW, CLOCK_RUNNING: 'true' } : {}),
    };
    const serviceEnv = (schema: (typeof SERVICES)[number]) => ({
      ...shared,
      DATABASE_URL: serviceDatabaseUrl(config.ADMIN_DATABASE_URL, config.EJ_DATABASE, config.role(schema)),
      HEALTH_PORT: String(config.healthPort(schema)),
    });
    await Promise.all(
      SERVICES.map((schema) => runToCompletion(`${schema}-migrate`, `dist/apps/${schema}/src/database/migrate.js`, serviceEnv(schema), config.logDir)),
    );
    log('migrations applied');

    const services = SERVICES.map((schema) => startNodeProcess(schema, `dist/apps/${schema}/src/main.js`, serviceEnv(schema), config.logDir));
    const devIdp = startNodeProcess('dev-idp', 'dist/apps/dev-idp/src/main.js', {
      ...shared,
      DEV_IDP_PORT: String(config.EJ_DEV_IDP_PORT),
      DEV_IDP_ISSUER: config.devIdpUrl,
      DEV_IDP_CLIENT_ID: config.oidcClientId,
      DEV_IDP_CLIENT_SECRET: config.oidcClientSecret,
      DEV_IDP_REDIRECT_URIS: `${config.gatewayUrl}/api/v1/auth/callback`,
      DEV_IDP_ADMIN_TOKEN: config.devIdpAdminToken,
      REDIS_PREFIX: config.NATS_PREFIX,
    }, config.logDir);
    running.push(...services, devIdp);
    await Promise.all([
      ...services.map((service, index) => waitForHttp(service, `http://127.0.0.1:${config.healthPort(SERVICES[index]!)}/health`)),
      waitForHttp(devIdp, `http://127.0.0.1:${config.EJ_DEV_IDP_PORT}/.well-known/openid-configuration`),
    ]);
    const gateway = startNodeProcess('gateway', 'dist/apps/gateway/src/main.js', {
      ...shared,
      PORT: String(config.EJ_GATEWAY_PORT),
      HOST: config.EJ_GATEWAY_HOST,
      PUBLIC_URL: config.gatewayUrl,
      OIDC_ISSUER: config.devIdpUrl,
      OIDC_CLIENT_ID: config.oidcClientId,
      OIDC_CLIENT_SECRET: config.oidcClientSecret,
      OIDC_REDIRECT_URL: `${config.gatewayUrl}/api/v1/auth/callback`,
      COOKIE_SECURE: 'false',
      ...extraGatewayEnv,
    }, config.logDir);
    running.push(gateway);
    await waitForHttp(gateway, `http://127.0.0.1:${config.EJ_GATEWAY_PORT}/health`);
    log('all services are up');

    const plan = planDemoSchool(FULL_DEMO_SCHOOL);
    if (config.EJ_DEMO === 'full') {
      log('loading the demo school (the first start takes a few minutes; later starts only check it)…');
      const rpc = new RpcClient(new PrefixedNatsClient({ url: config.NATS_URL, prefix: config.NATS_PREFIX }, 'seed'), 120_000);
      const now = config.CLOCK_NOW ? new Date(config.CLOCK_NOW) : new Date();
      const started = Date.now();
      const result = await loadDemoSchool({
        rpc,
        plan,
        today: schoolDateAt(now, plan.school.timeZone),
        loadHistory: true,
        devIdp: { url: `http://127.0.0.1:${config.EJ_DEV_IDP_PORT}`, adminToken: config.devIdpAdminToken },
        password: config.EJ_DEMO_PASSWORD,
        log: (line) => log(`demo: ${line}`),
      });
      if (result.lessonsImported + result.marksImported + result.attendanceImported > 0) {
        // Reports are read from the read model: ready means projected, and planned for tables of the demo's size.
        await waitForReadModel(rpc, (line) => log(`demo: ${line}`));
        await analyzeDatabase(config.ADMIN_DATABASE_URL, config.EJ_DATABASE);
      }
      await rpc.onApplicationShutdown();
      log(
        `demo school ready in ${Math.round((Date.now() - started) / 1000)} s: ${result.lessonsImported} lessons, ` +
          `${result.marksImported} marks and ${result.attendanceImported} attendance entries added this time`,
      );
    }
    return { processes: running, plan, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
