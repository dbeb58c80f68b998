import { createServer } from 'node:net';

/**
 * A TCP port that was free a moment ago, for a server whose URL must be known before it starts (the gateway's
 * OIDC redirect URL is registered at the IdP first).
 */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
