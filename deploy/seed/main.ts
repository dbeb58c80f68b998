import 'reflect-metadata';
import { z } from 'zod';
import { schoolDateAt } from '#domain';
import { JsonLogger, PrefixedNatsClient, readConfig, RpcClient } from '#platform';
import { loadDemoSchool } from './load-demo-school.js';
import { FULL_DEMO_SCHOOL, planDemoSchool } from './school/demo-school-plan.js';

const Env = z.object({
  NATS_URL: z.string().default('nats://127.0.0.1:4222'),
  NATS_PREFIX: z.string().default('ej'),
  DEV_IDP_URL: z.string().optional(),
  DEV_IDP_ADMIN_TOKEN: z.string().optional(),
  EJ_DEMO_PASSWORD: z.string().min(4).default('demo'),
  CLOCK_NOW: z.string().optional(),
});

/** Loads the demo school into a running system through its services (a Job in Kubernetes, a one-shot in compose). */
const env = readConfig(Env);
const logger = new JsonLogger('seed');
const plan = planDemoSchool(FULL_DEMO_SCHOOL);
const rpc = new RpcClient(new PrefixedNatsClient({ url: env.NATS_URL, prefix: env.NATS_PREFIX }, 'seed'), 120_000);
const result = await loadDemoSchool({
  rpc,
  plan,
  today: schoolDateAt(env.CLOCK_NOW ? new Date(env.CLOCK_NOW) : new Date(), plan.school.timeZone),
  loadHistory: true,
  ...(env.DEV_IDP_URL && env.DEV_IDP_ADMIN_TOKEN ? { devIdp: { url: env.DEV_IDP_URL, adminToken: env.DEV_IDP_ADMIN_TOKEN } } : {}),
  password: env.EJ_DEMO_PASSWORD,
  log: (line) => logger.log({ msg: line }),
});
await rpc.onApplicationShutdown();
logger.log({ msg: 'demo school loaded', lessons: result.lessonsImported, marks: result.marksImported });
