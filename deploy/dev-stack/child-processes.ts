import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

export interface ManagedProcess {
  name: string;
  child: ChildProcess;
  logFile: string;
}

/** Runs a compiled entry point of the monorepo as a child process, its output in <logDir>/<name>.log. */
export function startNodeProcess(name: string, entry: string, env: NodeJS.ProcessEnv, logDir = '.run/logs'): ManagedProcess {
  mkdirSync(logDir, { recursive: true });
  const logFile = `${logDir}/${name}.log`;
  const log = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(process.execPath, ['--enable-source-maps', entry], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return { name, child, logFile };
}

export function tailOf(file: string, lines = 25): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Runs a command to completion (e.g. a migration); fails with the tail of its log. */
export async function runToCompletion(name: string, entry: string, env: NodeJS.ProcessEnv, logDir?: string): Promise<void> {
  const managed = startNodeProcess(name, entry, env, logDir);
  const code = await new Promise<number | null>((resolve) => managed.child.once('exit', resolve));
  if (code !== 0) throw new Error(`${name} failed (exit ${code}):\n${tailOf(managed.logFile)}`);
}

/** Waits until a URL answers 200, failing early if the process exits. */
export async function waitForHttp(managed: ManagedProcess, url: string, seconds = 60): Promise<void> {
  let exited: number | null | undefined;
  managed.child.once('exit', (code) => (exited = code));
  for (let i = 0; i < seconds * 4; i += 1) {
    if (exited !== undefined) throw new Error(`${managed.name} stopped (exit ${exited}):\n${tailOf(managed.logFile)}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`${managed.name} did not become healthy at ${url}:\n${tailOf(managed.logFile)}`);
}

export async function stopAll(processes: ManagedProcess[]): Promise<void> {
  for (const { child } of processes) if (child.exitCode === null) child.kill('SIGTERM');
  await Promise.all(
    processes.map(({ child }) =>
      child.exitCode !== null ? Promise.resolve() : Promise.race([new Promise((r) => child.once('exit', r)), sleep(8_000)]),
    ),
  );
  for (const { child } of processes) if (child.exitCode === null) child.kill('SIGKILL');
}
