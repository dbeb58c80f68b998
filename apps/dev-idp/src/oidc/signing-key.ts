import { generateKeyPairSync, randomUUID } from 'node:crypto';
import type { JsonWebKey } from 'oidc-provider';

/** A fresh RS256 signing key per start: tokens of a previous run are not accepted, as fits a dev IdP. */
export function generateSigningKey(): JsonWebKey {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), use: 'sig', alg: 'RS256' } as JsonWebKey;
}
