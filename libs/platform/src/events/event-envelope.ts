/** What crosses JetStream: the event id (also the JetStream message id), its subject and payload. */
export interface EventEnvelope<P = unknown> {
  id: string;
  subject: string;
  occurredAt: string;
  requestId?: string;
  payload: P;
}
