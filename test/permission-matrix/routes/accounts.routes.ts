import type { MatrixWorld } from '../matrix-world.js';
import { type RouteBuilders, type Variant, variantsOf } from '../route-builder.js';

const SCHOOLS = variantsOf({ own: 'school:a', 'other-school': 'school:b' });
/** The colleague's account of school A (no persona's own), a teacher's account of school B. */
const ACCOUNTS = variantsOf({ own: 'account:a', 'other-school': 'account:b' });
/** The account the administrators revoke and restore, again and again: nobody else depends on it. */
const SPARE_ACCOUNTS = variantsOf({ own: 'account:spare-a', 'other-school': 'account:b' });

const schoolRoute = (suffix: string, body?: (world: MatrixWorld, variant: Variant, persona: string) => unknown, success?: number) => ({
  variants: SCHOOLS.variants,
  request: (world: MatrixWorld, variant: Variant, persona: string) => ({
    path: `/api/v1/schools/${SCHOOLS.idOf(world, variant)}/${suffix}`,
    resource: SCHOOLS.resourceOf(variant),
    ...(body ? { body: body(world, variant, persona) } : {}),
  }),
  ...(success ? { success } : {}),
});

const accountRoute = (variantsOfRoute: typeof ACCOUNTS, suffix: string, body?: (world: MatrixWorld) => unknown) => ({
  variants: variantsOfRoute.variants,
  request: (world: MatrixWorld, variant: Variant) => ({
    path: `/api/v1/accounts/${variantsOfRoute.idOf(world, variant)}${suffix}`,
    resource: variantsOfRoute.resourceOf(variant),
    ...(body ? { body: body(world) } : {}),
  }),
});

/**
 * Accounts and the access log (R-ACC-1, R-ACC-4): allowed requests change nothing the matrix depends on. A new
 * account is of a new person; a role granted is one the colleague holds; a role revoked is one they do not hold; the
 * subject linked is the one they have; the spare account is revoked and restored.
 */
export const ACCOUNT_ROUTES: RouteBuilders = {
  'GET /api/v1/schools/:schoolId/accounts': schoolRoute('accounts'),
  'POST /api/v1/schools/:schoolId/accounts': schoolRoute(
    'accounts',
    (world, variant, persona) => ({
      newPerson: { lastName: 'Матрицева', firstName: persona, middleName: null },
      grants: [{ role: 'teacher', schoolId: variant === 'own' ? world.schoolA : world.schoolB }],
    }),
    201,
  ),
  'GET /api/v1/schools/:schoolId/account-settings': schoolRoute('account-settings'),
  'PUT /api/v1/schools/:schoolId/account-settings': schoolRoute('account-settings', () => ({ snilsMatching: false })),
  'GET /api/v1/schools/:schoolId/access-log': schoolRoute('access-log'),
  'GET /api/v1/accounts/:accountId': accountRoute(ACCOUNTS, ''),
  'POST /api/v1/accounts/:accountId/grants': accountRoute(ACCOUNTS, '/grants', (world) => ({ role: 'teacher', schoolId: world.schoolA })),
  'DELETE /api/v1/accounts/:accountId/grants/:schoolId/:role': {
    variants: ACCOUNTS.variants,
    request: (world, variant) => ({
      path: `/api/v1/accounts/${ACCOUNTS.idOf(world, variant)}/grants/${variant === 'other-school' ? world.schoolB : world.schoolA}/deputy`,
      resource: ACCOUNTS.resourceOf(variant),
    }),
  },
  'PUT /api/v1/accounts/:accountId/subject': accountRoute(ACCOUNTS, '/subject', (world) => ({ subject: world.admin.colleagueSubject })),
  'POST /api/v1/accounts/:accountId/revoke': accountRoute(SPARE_ACCOUNTS, '/revoke'),
  'POST /api/v1/accounts/:accountId/restore': accountRoute(SPARE_ACCOUNTS, '/restore'),
};

