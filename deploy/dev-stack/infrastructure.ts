import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { createConnection } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import type { StackConfig } from './stack-config.js';

interface Endpoint {
  host: string;
  port: number;
}

function endpointOf(url: string, defaultPort: number): Endpoint {
  const parsed = new URL(url);
  return { host: parsed.hostname || '127.0.0.1', port: Number(parsed.port || defaultPort) };
}

function isLocal({ host }: Endpoint): boolean {
  return ['127.0.0.1', 'localhost', '::1'].includes(host);
}

function reachable({ host, port }: Endpoint, timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    const done = (result: boolean) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function waitUntilReachable(endpoint: Endpoint, seconds: number): Promise<boolean> {
  for (let i = 0; i < seconds * 4; i += 1) {
    if (await reachable(endpoint)) return true;
    await sleep(250);
  }
  return false;
}

function hasCommand(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

class MissingInfrastructure extends Error {}

async function postgresWorks(adminUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function ensurePostgres(config: StackConfig, log: (line: string) => void): Promise<void> {
  if (await postgresWorks(config.ADMIN_DATABASE_URL)) return;
  const endpoint = endpointOf(config.ADMIN_DATABASE_URL, 5432);
  if (isLocal(endpoint) && hasCommand('pg_ctlcluster') && existsSync('/etc/postgresql')) {
    const version = readdirSync('/etc/postgresql').sort().at(-1);
    if (version) {
      log(`starting the local PostgreSQL ${version} cluster`);
      try {
        execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], { stdio: 'ignore' });
      } catch {
        // it may already be starting; the check below decides
      }
      await waitUntilReachable(endpoint, 20);
      if (await postgresWorks(config.ADMIN_DATABASE_URL)) return;
    }
  }
  throw new MissingInfrastructure(
    `PostgreSQL is not reachable at ${config.ADMIN_DATABASE_URL}.\n` +
      '  Install and start it:  sudo apt-get install -y postgresql && sudo pg_ctlcluster 15 main start\n' +
      '  or point ADMIN_DATABASE_URL at a server where this user may create databases and roles.',
  );
}

async function ensureNats(config: StackConfig, log: (line: string) => void): Promise<void> {
  const endpoint = endpointOf(config.NATS_URL.replace(/^nats:/, 'http:'), 4222);
  if (await reachable(endpoint)) return;
  if (isLocal(endpoint) && hasCommand('nats-server')) {
    log('starting a local NATS server with JetStream');
    mkdirSync('.run/nats', { recursive: true });
    spawn('nats-server', ['-a', endpoint.host, '-p', String(endpoint.port), '-js', '-sd', '.run/nats', '-l', '.run/nats/nats.log'], {
      detached: true,
      stdio: 'ignore',
    }).unref();
    if (await waitUntilReachable(endpoint, 15)) return;
  }
  throw new MissingInfrastructure(
    `NATS is not reachable at ${config.NATS_URL}.\n` +
      '  Install it:  sudo apt-get install -y nats-server   (npm start then runs it with JetStream)\n' +
      '  or point NATS_URL at a NATS server started with -js.',
  );
}

async function ensureRedis(config: StackConfig, log: (line: string) => void): Promise<void> {
  const endpoint = endpointOf(config.REDIS_URL, 6379);
  if (await reachable(endpoint)) return;
  if (isLocal(endpoint) && hasCommand('redis-server')) {
    log('starting a local Redis server');
    execFileSync('redis-server', [
      '--daemonize', 'yes', '--bind', endpoint.host, '--port', String(endpoint.port),
      '--save', '', '--appendonly', 'no', '--logfile', `${process.cwd()}/.run/redis.log`,
    ]);
    if (await waitUntilReachable(endpoint, 15)) return;
  }
  throw new MissingInfrastructure(
    `Redis is not reachable at ${config.REDIS_URL}.\n` +
      '  Install it:  sudo apt-get install -y redis-server   (npm start then runs it)\n' +
      '  or point REDIS_URL at a Redis server.',
  );
}

/** Uses PostgreSQL, NATS and Redis where they answer; otherwise starts local ones, or says what to install. */
export async function ensureInfrastructure(config: StackConfig, log: (line: string) => void): Promise<void> {
  mkdirSync('.run', { recursive: true });
  try {
    await ensurePostgres(config, log);
    await ensureNats(config, log);
    await ensureRedis(config, log);
  } catch (error) {
    if (error instanceof MissingInfrastructure) {
      console.error(`\n${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
