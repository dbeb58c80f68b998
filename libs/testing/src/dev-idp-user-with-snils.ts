import { type DevIdpUser, putDevIdpUser } from './oidc-login.js';

/** A person at the dev IdP whose ID token carries a `snils` claim, as ESIA's does (first sign-in matched by SNILS). */
export async function putDevIdpUserWithSnils(
  idpUrl: string,
  adminToken: string,
  login: string,
  user: DevIdpUser & { snils: string },
): Promise<void> {
  await putDevIdpUser(idpUrl, adminToken, login, user);
}
