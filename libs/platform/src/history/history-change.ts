export type HistoryAction = 'created' | 'updated' | 'deleted' | 'imported';

/** One change to append to a history table: what happened, the values before and after, who and when. */
export interface HistoryChange {
  action: HistoryAction;
  oldValue: unknown;
  newValue: unknown;
  actorId: string | null;
  at: Date;
  reason?: string | null;
}
