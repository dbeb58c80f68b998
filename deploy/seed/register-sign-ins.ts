import { createHash } from 'node:crypto';
import { chunks } from './loader-helpers.js';
import type { DemoSchoolPlan } from './school/demo-school-plan.js';

export interface DevIdpAdmin {
  url: string;
  adminToken: string;
}

/** The OIDC subject of a demo login: stable, so loading again links the same accounts. */
export function demoSubject(login: string): string {
  return `demo-${createHash('sha256').update(`ejournal-demo:${login}`).digest('hex').slice(0, 32)}`;
}

/** Registers the demo logins that may sign in with the development OpenID provider (the stand-in for ESIA). */
export async function registerSignIns(devIdp: DevIdpAdmin, plan: DemoSchoolPlan, password: string): Promise<void> {
  const names = new Map(plan.people.map((person) => [person.key, person.name]));
  const logins = plan.logins.filter((login) => login.canSignIn);
  for (const batch of chunks(logins, 8)) {
    await Promise.all(
      batch.map(async (login) => {
        const name = names.get(login.personKey);
        const response = await fetch(`${devIdp.url}/dev/users/${encodeURIComponent(login.login)}`, {
          method: 'PUT',
          headers: { authorization: `Bearer ${devIdp.adminToken}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            subject: demoSubject(login.login),
            password,
            name: name ? `${name.firstName} ${name.lastName}` : login.login,
          }),
        });
        if (!response.ok) throw new Error(`dev-idp refused user ${login.login}: ${response.status}`);
      }),
    );
  }
}
