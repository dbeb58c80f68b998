import { parseArgs } from 'node:util';
import { Logger } from '@nestjs/common';
import { z } from 'zod';
import { type Actor, type ConsistencyReport, ConsistencyRpc, DomainError, ReportingRpc } from '#contracts';
import { PrefixedNatsClient, readConfig, RpcClient } from '#platform';

const Env = z.object({
  NATS_URL: z.string().default('nats://127.0.0.1:4222'),
  NATS_PREFIX: z.string().default('ej'),
});

/** The administrator's commands act as the system: the services answer their count and rebuild RPCs to nobody else. */
export const ADMIN_ACTOR: Actor = { kind: 'system', name: 'read-model-admin' };

/** Exit codes of both commands: 0 consistent, 1 differences found, 2 the command itself failed. */
export const EXIT_DIFFERENCES = 1;
export const EXIT_FAILED = 2;

export interface AdminOptions {
  schoolId?: string;
  json: boolean;
}

/** `--school <id>` checks one school (every school by default); `--json` prints the report as JSON. */
export function readOptions(argv: readonly string[]): AdminOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: { school: { type: 'string' }, json: { type: 'boolean', default: false } },
    strict: true,
  });
  if (values.school !== undefined && !z.uuid().safeParse(values.school).success) {
    throw new Error(`--school must be a school id (a UUID), got "${values.school}"`);
  }
  return { ...(values.school ? { schoolId: values.school } : {}), json: values.json };
}

export function connect(): RpcClient {
  const env = readConfig(Env);
  // Standard output is the report (possibly JSON): the NATS client's connection notices stay out of it.
  Logger.overrideLogger(['error', 'warn']);
  return new RpcClient(new PrefixedNatsClient({ url: env.NATS_URL, prefix: env.NATS_PREFIX }, 'read-model-admin'), 120_000);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until the read model has applied every event, printing how many are left as it goes. Gives up when the
 * backlog has not shrunk for `stallMs` (a projection failing on an event retries it in place and stops there).
 */
export async function waitForReadModel(rpc: RpcClient, print: (line: string) => void, stallMs = 10 * 60_000): Promise<void> {
  let lowest = Number.POSITIVE_INFINITY;
  let lowestAt = Date.now();
  let last = -1;
  for (;;) {
    const { backlog } = await rpc.call(ReportingRpc.backlog, {}, { actor: ADMIN_ACTOR });
    if (backlog === 0) {
      print('read model: caught up (backlog 0)');
      return;
    }
    if (backlog !== last) print(`read model: ${backlog} events left to apply`);
    last = backlog;
    if (backlog < lowest) {
      lowest = backlog;
      lowestAt = Date.now();
    } else if (Date.now() - lowestAt > stallMs) {
      throw new Error(`the read model has not moved for ${Math.round(stallMs / 1000)} s at ${backlog} events: see reporting's log`);
    }
    await sleep(2_000);
  }
}

export function runCheck(rpc: RpcClient, schoolId: string | undefined): Promise<ConsistencyReport> {
  return rpc.call(ConsistencyRpc.check, { ...(schoolId ? { schoolId } : {}), waitMs: 60_000 }, { actor: ADMIN_ACTOR, timeoutMs: 30 * 60_000 });
}

/** The report for a person at a terminal: one line per difference. */
export function formatReport(report: ConsistencyReport): string[] {
  const measures = report.schools.reduce((sum, school) => sum + school.measures, 0);
  const lines = [
    `consistency check at ${report.checkedAt}: ${report.schools.length} school(s), ${measures} measures compared, read model backlog ${report.backlog}`,
  ];
  for (const d of report.differences) {
    lines.push(`DIFFERENCE school ${d.schoolId} ${d.what}: ${d.source} counts ${d.sourceCount}, the read model ${d.readModelCount}`);
  }
  lines.push(report.differences.length === 0 ? 'no differences' : `${report.differences.length} difference(s)`);
  if (report.backlog > 0) lines.push('the read model was still behind the event stream: run the check again');
  return lines;
}

/** The check command: prints the report (or its JSON) and answers the exit code. */
export async function checkCommand(rpc: RpcClient, options: AdminOptions, print: (line: string) => void): Promise<number> {
  const report = await runCheck(rpc, options.schoolId);
  (options.json ? [JSON.stringify(report, null, 2)] : formatReport(report)).forEach((line) => print(line));
  return report.differences.length > 0 ? EXIT_DIFFERENCES : 0;
}

/** The rebuild command: reporting drops its read model and replays the stream; once caught up, the check runs. */
export async function rebuildCommand(rpc: RpcClient, options: AdminOptions, print: (line: string) => void): Promise<number> {
  const started = Date.now();
  print('read model: dropping it and replaying the event stream from the first event');
  await rpc.call(ReportingRpc.rebuild, {}, { actor: ADMIN_ACTOR, timeoutMs: 5 * 60_000 });
  await waitForReadModel(rpc, print);
  print(`read model: rebuilt in ${Math.round((Date.now() - started) / 1000)} s`);
  return checkCommand(rpc, options, print);
}

/** Runs a command as a process: exit 0, 1 (differences) or 2 (the command failed, said on standard error). */
export async function runAsProcess(
  name: string,
  command: (rpc: RpcClient, options: AdminOptions, print: (line: string) => void) => Promise<number>,
): Promise<void> {
  const rpc = connect();
  try {
    process.exitCode = await command(rpc, readOptions(process.argv.slice(2)), (line) => process.stdout.write(`${line}\n`));
  } catch (error) {
    // Errors go to standard error, so that a report piped on (--json) stays clean.
    const cause = error instanceof DomainError ? ` (${error.code}${error.details ? ` ${JSON.stringify(error.details)}` : ''})` : '';
    process.stderr.write(`${name} failed: ${error instanceof Error ? error.message : String(error)}${cause}\n`);
    process.exitCode = EXIT_FAILED;
  } finally {
    await rpc.onApplicationShutdown();
  }
}
