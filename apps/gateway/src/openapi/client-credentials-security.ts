import type { ApiClientScope } from '#contracts';

/** The OpenAPI security scheme of machine clients: OAuth2 client credentials at POST /api/v1/auth/token. */
export const CLIENT_CREDENTIALS_SECURITY = 'client-credentials';

/** What each scope of a machine client lets it read (the OneRoster ones are short names of …/spec/or/v1p2/scope/…). */
export const CLIENT_SCOPE_DESCRIPTIONS: Record<ApiClientScope, string> = {
  'roster.readonly': 'OneRoster 1.2: состав школ, классов и учеников (https://purl.imsglobal.org/spec/or/v1p2/scope/roster.readonly)',
  'roster-core.readonly': 'OneRoster 1.2: основной состав (https://purl.imsglobal.org/spec/or/v1p2/scope/roster-core.readonly)',
  'gradebook.readonly': 'OneRoster 1.2: отметки и итоги (https://purl.imsglobal.org/spec/or/v1p2/scope/gradebook.readonly)',
  'performance.readonly': 'Показатели успеваемости школы за период (успеваемость, качество, СОУ, средний балл)',
  'attendance.readonly': 'Сводка посещаемости по классам и дням',
};
