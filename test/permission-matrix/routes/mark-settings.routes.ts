import { type RouteBuilder, type RouteBuilders, variantsOf } from '../route-builder.js';

const SCHOOLS = variantsOf({ own: 'school:a', 'other-school': 'school:b' });

function schoolRoute(suffix: string, body?: unknown): RouteBuilder {
  return {
    variants: SCHOOLS.variants,
    request: (world, variant) => ({
      path: `/api/v1/schools/${SCHOOLS.idOf(world, variant)}/${suffix}`,
      resource: SCHOOLS.resourceOf(variant),
      ...(body === undefined ? {} : { body }),
    }),
  };
}

/** The school's mark scale and kinds of work (R-MARK-1, R-MARK-4): saved as the world has them, which changes nothing. */
export const MARK_SETTINGS_ROUTES: RouteBuilders = {
  'GET /api/v1/schools/:schoolId/mark-settings': schoolRoute('mark-settings'),
  'PUT /api/v1/schools/:schoolId/mark-settings': schoolRoute('mark-settings', {
    markScaleMin: 2,
    workKinds: [{ code: 'answer', nameRu: 'Ответ на уроке', weight: '1' }],
  }),
  'GET /api/v1/schools/:schoolId/mark-settings/log': schoolRoute('mark-settings/log'),
};
