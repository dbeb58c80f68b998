import type { DemoLogin } from '../seed/school/plan-types.js';

/** What a person needs after `npm start`: where to go and how to sign in. */
export function banner(options: {
  gatewayUrl: string;
  devIdpUrl: string;
  logins: DemoLogin[];
  password: string;
  demoLoaded: boolean;
}): string {
  const named = options.logins.filter((login) => login.canSignIn && !/\d/.test(login.login));
  const width = Math.max(...named.map((login) => login.login.length));
  return [
    '',
    options.demoLoaded ? 'Электронный журнал запущен (demo school loaded).' : 'Электронный журнал запущен (без демонстрационной школы).',
    '',
    `  Web / API      ${options.gatewayUrl}/`,
    `  Swagger UI     ${options.gatewayUrl}/api/docs`,
    `  OpenAPI        ${options.gatewayUrl}/api/openapi.json`,
    `  Sign in        ${options.gatewayUrl}/api/v1/auth/login`,
    `  Dev OIDC       ${options.devIdpUrl}  (stands in for ESIA)`,
    '',
    `  Demo logins (password for all: ${options.password}):`,
    ...named.map((login) => `    ${login.login.padEnd(width)}  ${login.descriptionRu}`),
    '    teacher01…    other teachers; parent0001… parents of the class teacher\'s class',
    '',
    '  Logs in .run/logs/. Stop with Ctrl+C.',
    '',
  ].join('\n');
}
