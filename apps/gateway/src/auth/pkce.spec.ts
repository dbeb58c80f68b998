import { describe, expect, it } from '@jest/globals';
import { pkceMatches } from './pkce.js';

describe('PKCE S256 (RFC 7636)', () => {
  // RFC 7636, Appendix B.
  const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
  const challenge = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

  it('accepts the verifier of the challenge', () => {
    expect(pkceMatches(verifier, challenge)).toBe(true);
  });

  it('refuses another verifier, the challenge itself (plain), and malformed verifiers', () => {
    expect(pkceMatches(`${verifier.slice(0, -1)}Y`, challenge)).toBe(false);
    expect(pkceMatches(challenge, challenge)).toBe(false);
    expect(pkceMatches('short', challenge)).toBe(false);
    expect(pkceMatches(`${verifier} `, challenge)).toBe(false);
  });
});
