import { MATRIX_PLAN_TOPICS, type MatrixWorld } from '../matrix-world.js';
import { type MatrixRequest, type RouteBuilder, type RouteBuilders, variantsOf } from '../route-builder.js';

const PAGES = variantsOf({ own: 'page:math-a', other: 'page:russian-a', 'other-school': 'page:math-b' });
/** A substitute reads the plan of the page through the lesson they take. */
const LESSONS = variantsOf({ own: 'lesson:math-a-substituted', other: 'lesson:russian-a', 'other-school': 'lesson:math-b' });
const SCHOOLS = variantsOf({ own: 'school:a', 'other-school': 'school:b' });
const CLASSES = variantsOf({ own: 'class:6a', other: 'class:7a', 'other-school': 'class:6b' });

/** The plan every page has, as a teacher's CSV sent as the request body: importing it again changes nothing. */
const PLAN_FILE = ['№;Тема урока;Кол-во часов;Дата;Вид работы', ...MATRIX_PLAN_TOPICS.map((topic, index) => `${index + 1};${topic.title};${topic.hours};;`)].join(
  '\r\n',
);
const upload = (pageId: string, suffix: string) => ({
  path: `/api/v1/pages/${pageId}/plan/${suffix}`,
  query: { fileName: 'КТП.csv' },
  body: PLAN_FILE,
  headers: { 'content-type': 'text/csv; charset=utf-8' },
});

function pageRoute(build: (pageId: string) => Omit<MatrixRequest, 'resource'>): RouteBuilder {
  return { variants: PAGES.variants, request: (world: MatrixWorld, variant) => ({ ...build(PAGES.idOf(world, variant)), resource: PAGES.resourceOf(variant) }) };
}

function classRoute(build: (classId: string) => Omit<MatrixRequest, 'resource'>): RouteBuilder {
  return {
    variants: CLASSES.variants,
    request: (world: MatrixWorld, variant) => ({ ...build(CLASSES.idOf(world, variant)), resource: CLASSES.resourceOf(variant) }),
  };
}

/** Plans (КТП) of pages and assessments of classes: allowed writes save the plan each page already has. */
export const PLAN_ROUTES: RouteBuilders = {
  'GET /api/v1/pages/:pageId/plan': pageRoute((pageId) => ({ path: `/api/v1/pages/${pageId}/plan` })),
  'PUT /api/v1/pages/:pageId/plan': pageRoute((pageId) => ({ path: `/api/v1/pages/${pageId}/plan`, body: { topics: MATRIX_PLAN_TOPICS } })),
  'POST /api/v1/pages/:pageId/plan/import/preview': pageRoute((pageId) => upload(pageId, 'import/preview')),
  'POST /api/v1/pages/:pageId/plan/import': pageRoute((pageId) => upload(pageId, 'import')),
  'GET /api/v1/pages/:pageId/plan/export': pageRoute((pageId) => ({ path: `/api/v1/pages/${pageId}/plan/export`, query: { format: 'csv' } })),
  'GET /api/v1/pages/:pageId/plan/revisions': pageRoute((pageId) => ({ path: `/api/v1/pages/${pageId}/plan/revisions` })),
  'GET /api/v1/pages/:pageId/plan/revisions/:number': pageRoute((pageId) => ({ path: `/api/v1/pages/${pageId}/plan/revisions/1` })),
  'GET /api/v1/pages/:pageId/plan/progress': pageRoute((pageId) => ({ path: `/api/v1/pages/${pageId}/plan/progress` })),
  'GET /api/v1/lessons/:lessonId/plan-topics': {
    variants: LESSONS.variants,
    request: (world, variant) => ({ path: `/api/v1/lessons/${LESSONS.idOf(world, variant)}/plan-topics`, resource: LESSONS.resourceOf(variant) }),
  },
  'GET /api/v1/schools/:schoolId/plans/status': {
    variants: SCHOOLS.variants,
    request: (world, variant) => ({ path: `/api/v1/schools/${SCHOOLS.idOf(world, variant)}/plans/status`, resource: SCHOOLS.resourceOf(variant) }),
  },
  'GET /api/v1/classes/:classId/assessments': classRoute((classId) => ({ path: `/api/v1/classes/${classId}/assessments` })),
  'GET /api/v1/classes/:classId/assessments/export': classRoute((classId) => ({
    path: `/api/v1/classes/${classId}/assessments/export`,
    query: { format: 'xlsx' },
  })),
  'GET /api/v1/classes/:classId/assessments/check': classRoute((classId) => ({ path: `/api/v1/classes/${classId}/assessments/check` })),
};
