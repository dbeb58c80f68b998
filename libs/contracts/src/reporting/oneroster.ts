import { z } from 'zod';
import { Id } from '../common/ids.js';
import { defineRpc } from '../common/rpc-definition.js';

/** The OneRoster 1.2 rostering collections the municipal portal pulls (R-REP-5). */
export const OneRosterCollection = z.enum(['orgs', 'academicSessions', 'classes', 'courses', 'users', 'enrollments']);
export type OneRosterCollection = z.infer<typeof OneRosterCollection>;

/** One OneRoster record as the 1.2 data model names its fields (orgs, classes, users …). */
export type OneRosterRecord = Record<string, unknown> & { sourcedId: string; dateLastModified: string };

export const OneRosterQuery = z.object({
  collection: OneRosterCollection,
  /** The schools the client was granted: nothing of another school is read. */
  schoolIds: z.array(Id),
  /** One record by its sourcedId instead of the collection. */
  sourcedId: z.string().max(100).optional(),
  limit: z.number().int().min(1).max(10_000),
  offset: z.number().int().min(0),
  sort: z.string().max(100).optional(),
  orderBy: z.enum(['asc', 'desc']).optional(),
  /** OneRoster filter: `field op 'value'` predicates joined by AND or OR, e.g. `dateLastModified>'2026-12-01T00:00:00Z'`. */
  filter: z.string().max(1_000).optional(),
  /** Comma-separated fields to keep. */
  fields: z.string().max(1_000).optional(),
  /** Where the API is published, for the `href` of references (…/ims/oneroster/rostering/v1p2). */
  baseUrl: z.url(),
});
export type OneRosterQuery = z.infer<typeof OneRosterQuery>;

export interface OneRosterPage {
  /** Records matching the filter, before paging (X-Total-Count). */
  total: number;
  records: OneRosterRecord[];
}

export const ReportingOneRosterRpc = {
  /** A page of a OneRoster rostering collection, or one record (NOT_FOUND when the client may not see it). */
  read: defineRpc<OneRosterPage>()('reporting.oneroster.read', OneRosterQuery),
} as const;
