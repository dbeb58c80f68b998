import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';

const DiscoveryDocument = z.object({
  issuer: z.string().min(1),
  authorization_endpoint: z.url(),
  token_endpoint: z.url(),
  userinfo_endpoint: z.url().optional(),
});
export type DiscoveryDocument = z.infer<typeof DiscoveryDocument>;

export interface DiscoveryOptions {
  attempts?: number;
  delayMs?: number;
  timeoutMs?: number;
}

/**
 * Reads the provider's endpoints from `${issuer}/.well-known/openid-configuration` (OpenID Connect Discovery), so
 * that any provider works from configuration alone. Retries a little: the provider may still be starting.
 */
export async function discoverIssuer(
  issuer: string,
  { attempts = 5, delayMs = 1_000, timeoutMs = 5_000 }: DiscoveryOptions = {},
): Promise<DiscoveryDocument> {
  const base = issuer.replace(/\/+$/, '');
  const url = `${base}/.well-known/openid-configuration`;
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
      if (!response.ok) throw new Error(`answered ${response.status}`);
      const document = DiscoveryDocument.parse(await response.json());
      if (document.issuer.replace(/\/+$/, '') !== base) {
        throw new Error(`names issuer ${document.issuer}, configured ${issuer}`);
      }
      return document;
    } catch (error) {
      lastError = error;
      if (attempt < attempts) await sleep(delayMs);
    }
  }
  throw new Error(`OIDC discovery at ${url} failed: ${String(lastError)}`);
}
