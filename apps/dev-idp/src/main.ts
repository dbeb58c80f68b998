import { devIdpOptionsFromEnv } from './config/dev-idp-env.js';
import { startDevIdp } from './start-dev-idp.js';

const devIdp = await startDevIdp(devIdpOptionsFromEnv());
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void devIdp.close().then(() => process.exit(0)));
}
