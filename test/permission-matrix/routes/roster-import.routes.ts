import type { MatrixWorld } from '../matrix-world.js';
import { type RouteBuilder, type RouteBuilders, type Variant, variantsOf } from '../route-builder.js';

const SCHOOLS = variantsOf({ own: 'school:a', 'other-school': 'school:b' });

/** The student of 6А as they already are: the file changes nothing, for whoever may import it. */
const UNCHANGED_FILE = 'Фамилия;Имя;Отчество;Класс\r\nЕгоров;Антон;Ильич;6А\r\n';
/** A file that changes nothing applies as nothing whatever the digest: any well-formed digest will do. */
const ANY_DIGEST = '0'.repeat(64);

const importRoute = (suffix: string, query: Record<string, string>): RouteBuilder => ({
  variants: SCHOOLS.variants,
  request: (world: MatrixWorld, variant: Variant) => ({
    path: `/api/v1/schools/${SCHOOLS.idOf(world, variant)}/${suffix}`,
    query: { fileName: 'Состав 6А.csv', ...query },
    body: UNCHANGED_FILE,
    headers: { 'content-type': 'text/csv; charset=utf-8' },
    resource: SCHOOLS.resourceOf(variant),
  }),
});

/**
 * Roster files (R-DATA-2): the management, the system administrator and the class teacher (for their class) check
 * and apply a file that changes nothing, and export the roster; the school's other staff are refused (403), anyone
 * else sees nothing (404).
 */
export const ROSTER_IMPORT_ROUTES: RouteBuilders = {
  'POST /api/v1/schools/:schoolId/roster-imports/dry-run': importRoute('roster-imports/dry-run', {}),
  'POST /api/v1/schools/:schoolId/roster-imports': importRoute('roster-imports', { digest: ANY_DIGEST }),
  'GET /api/v1/schools/:schoolId/roster-export': {
    variants: SCHOOLS.variants,
    request: (world, variant) => ({
      path: `/api/v1/schools/${SCHOOLS.idOf(world, variant)}/roster-export`,
      query: { format: 'csv' },
      resource: SCHOOLS.resourceOf(variant),
    }),
  },
};
