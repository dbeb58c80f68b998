import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Actor } from '#contracts';

export interface RequestContextStore {
  requestId: string;
  actor?: Actor;
}

const storage = new AsyncLocalStorage<RequestContextStore>();

/** The request id and actor of the work in progress, carried across awaits and NATS hops. */
export const RequestContext = {
  run<T>(store: RequestContextStore, work: () => T): T {
    return storage.run(store, work);
  },
  current(): RequestContextStore | undefined {
    return storage.getStore();
  },
  requestId(): string | undefined {
    return storage.getStore()?.requestId;
  },
  newRequestId(): string {
    return randomUUID();
  },
};
