import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { JsonLogger, PrefixedNatsClient, readConfig, RpcClient } from '#platform';
import { openSchoolExportFile } from './school-export-file.js';
import { importSchool } from './school-transfer.js';

const Env = z.object({
  NATS_URL: z.string().default('nats://127.0.0.1:4222'),
  NATS_PREFIX: z.string().default('ej'),
});

/** `npm run school:import -- <file>`: the system administrator's import of an exported school (R-DATA-2). */
const logger = new JsonLogger('school-import');
const env = readConfig(Env);
const rpc = new RpcClient(new PrefixedNatsClient({ url: env.NATS_URL, prefix: env.NATS_PREFIX }, 'school-import'), 120_000);
try {
  const { positionals } = parseArgs({ allowPositionals: true, options: {} });
  const file = positionals[0];
  if (!file) throw new Error('usage: npm run school:import -- <file>');
  const source = await openSchoolExportFile(file);
  await importSchool(rpc, source, (line) => logger.log({ msg: line }));
  logger.log({ msg: 'school imported', schoolId: source.header.schoolId });
} catch (error) {
  // The refusal's code and message (SCHOOL_EXISTS, SERVICE_UNAVAILABLE, …) or the file's problem; no data is logged.
  const { code, message } = error as { code?: unknown; message?: unknown };
  logger.error({ msg: 'school import failed', code: typeof code === 'string' ? code : undefined, error: String(message ?? error) });
  process.exitCode = 1;
} finally {
  await rpc.onApplicationShutdown();
}
