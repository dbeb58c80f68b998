import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { JsonLogger, PrefixedNatsClient, readConfig, RpcClient } from '#platform';
import { exportSchoolToFile } from './school-transfer.js';

const Env = z.object({
  NATS_URL: z.string().default('nats://127.0.0.1:4222'),
  NATS_PREFIX: z.string().default('ej'),
});

/** `npm run school:export -- --school <id> --out <file>`: the system administrator's export of one school (R-DATA-2). */
const logger = new JsonLogger('school-export');
const env = readConfig(Env);
const rpc = new RpcClient(new PrefixedNatsClient({ url: env.NATS_URL, prefix: env.NATS_PREFIX }, 'school-export'), 120_000);
try {
  const { values } = parseArgs({ options: { school: { type: 'string' }, out: { type: 'string' } } });
  if (!values.school || !z.uuid().safeParse(values.school).success || !values.out) {
    throw new Error('usage: npm run school:export -- --school <school id> --out <file>');
  }
  await exportSchoolToFile(rpc, values.school, values.out, (line) => logger.log({ msg: line }));
  logger.log({ msg: 'school exported', schoolId: values.school, file: values.out });
} catch (error) {
  // The refusal's code and message (SERVICE_UNAVAILABLE, …) or the usage; no data of the school is logged.
  const { code, message } = error as { code?: unknown; message?: unknown };
  logger.error({ msg: 'school export failed', code: typeof code === 'string' ? code : undefined, error: String(message ?? error) });
  process.exitCode = 1;
} finally {
  await rpc.onApplicationShutdown();
}
