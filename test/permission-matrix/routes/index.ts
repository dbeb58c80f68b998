import type { RouteBuilders } from '../route-builder.js';
import { ACCOUNT_ROUTES } from './accounts.routes.js';
import { API_CLIENT_ROUTES } from './api-clients.routes.js';
import { ASSIGNMENT_ROUTES } from './assignments.routes.js';
import { ATTENDANCE_ROUTES } from './attendance.routes.js';
import { CONSISTENCY_ROUTES } from './consistency.routes.js';
import { FAMILY_ROUTES } from './families.routes.js';
import { LESSON_CHANGE_ROUTES } from './lesson-changes.routes.js';
import { LESSON_COLUMN_ROUTES } from './lesson-columns.routes.js';
import { LESSON_ROUTES } from './lessons.routes.js';
import { MARK_SETTINGS_ROUTES } from './mark-settings.routes.js';
import { NOTIFICATION_ROUTES } from './notifications.routes.js';
import { MUNICIPAL_ROUTES } from './municipal.routes.js';
import { GRADEBOOK_ROUTES, ONEROSTER_ROUTES } from './oneroster.routes.js';
import { PERSONAL_DATA_ROUTES } from './personal-data.routes.js';
import { PLAN_ROUTES } from './plans.routes.js';
import { PLATFORM_ROUTES } from './platform.routes.js';
import { REPORT_ROUTES } from './reports.routes.js';
import { RESULT_ROUTES } from './results.routes.js';
import { ROSTER_ROUTES } from './roster.routes.js';
import { ROSTER_IMPORT_ROUTES } from './roster-import.routes.js';
import { SCHOOL_REPORT_ROUTES } from './school-reports.routes.js';
import { SCHOOL_YEAR_ROUTES } from './school-years.routes.js';
import { SESSION_ROUTES } from './session.routes.js';
import { TIMETABLE_ROUTES } from './timetable.routes.js';
import { TOKEN_ROUTES } from './tokens.routes.js';

/** Every route of the gateway and how the permission matrix calls it: one table per area. */
export const ROUTE_BUILDERS: RouteBuilders = {
  ...PLATFORM_ROUTES,
  ...SESSION_ROUTES,
  ...TOKEN_ROUTES,
  ...LESSON_ROUTES,
  ...LESSON_COLUMN_ROUTES,
  ...MARK_SETTINGS_ROUTES,
  ...ATTENDANCE_ROUTES,
  ...LESSON_CHANGE_ROUTES,
  ...ASSIGNMENT_ROUTES,
  ...FAMILY_ROUTES,
  ...REPORT_ROUTES,
  ...SCHOOL_REPORT_ROUTES,
  ...API_CLIENT_ROUTES,
  ...ACCOUNT_ROUTES,
  ...PERSONAL_DATA_ROUTES,
  ...ROSTER_ROUTES,
  ...ROSTER_IMPORT_ROUTES,
  ...PLAN_ROUTES,
  ...SCHOOL_YEAR_ROUTES,
  ...RESULT_ROUTES,
  ...TIMETABLE_ROUTES,
  ...ONEROSTER_ROUTES,
  ...NOTIFICATION_ROUTES,
  ...GRADEBOOK_ROUTES,
  ...MUNICIPAL_ROUTES,
  ...CONSISTENCY_ROUTES,
};
