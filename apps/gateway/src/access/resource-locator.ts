/**
 * Where a route finds the resource its action is about, for the access check in front of it:
 * a path parameter holding the id, and for students the query parameter with the date (default: today).
 * A lesson is checked as its journal page on the lesson's date.
 */
export type ResourceLocator =
  | { kind: 'lesson'; param: string }
  | { kind: 'student'; param: string; dateQuery?: string }
  | { kind: 'class'; param: string }
  | { kind: 'school'; param: string }
  | { kind: 'person'; param: string };

export const RESOURCE_METADATA = 'ej:resource';
