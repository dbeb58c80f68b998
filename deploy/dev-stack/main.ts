import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { banner } from './banner.js';
import { type RunningStack, startStack } from './stack.js';
import { stackConfig } from './stack-config.js';

// The launcher's own NATS client should not chat on the console; its problems still show.
Logger.overrideLogger(['error', 'warn']);
const log = (line: string) => console.log(`[ejournal] ${line}`);
const config = stackConfig();
let stack: RunningStack | undefined;
let stopping = false;

async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    log('stopping…');
    await stack?.stop();
  }
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

async function main(): Promise<void> {
  stack = await startStack(config, log);
  console.log(banner({ gatewayUrl: config.gatewayUrl, devIdpUrl: config.devIdpUrl, logins: stack.plan.logins, password: config.EJ_DEMO_PASSWORD, demoLoaded: config.EJ_DEMO === 'full' }));
  for (const managed of stack.processes) {
    managed.child.once('exit', (code) => {
      if (!stopping) {
        log(`${managed.name} stopped unexpectedly (exit ${code}); see ${managed.logFile}`);
        void shutdown(1);
      }
    });
  }
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
});
