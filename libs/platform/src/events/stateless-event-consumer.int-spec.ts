import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { jetstreamManager } from '@nats-io/jetstream';
import { z } from 'zod';
import { defineEvent } from '#contracts';
import { createTestDeployment, eventually, publishEvent, type TestDeployment } from '#testing';
import { NatsConnectionHolder } from '../nats/nats-connection.js';
import { prefixed } from '../nats/nats-settings.js';
import { streamName } from './event-stream.js';
import { StatelessEventConsumer } from './stateless-event-consumer.js';
import { StatelessEventHandlers } from './stateless-event-handlers.js';

const Counted = defineEvent('events.test.counted.v1', z.object({ n: z.number().int() }));
const Other = defineEvent('events.test.other.v1', z.object({ label: z.string() }));

/** A handler that only records what it was given. */
function recording<P>(record: (payload: P) => void): (payload: P) => Promise<void> {
  return (payload) => {
    record(payload);
    return Promise.resolve();
  };
}

/** A check for `eventually` made of synchronous expectations. */
function expecting(assert: () => void): () => Promise<void> {
  return () => Promise.resolve().then(assert);
}

describe('platform: stateless durable event consumer (no inbox, idempotent handlers)', () => {
  let deployment: TestDeployment;
  let nats: NatsConnectionHolder;
  let consumer: StatelessEventConsumer;

  beforeAll(async () => {
    deployment = await createTestDeployment([]);
    nats = new NatsConnectionHolder(deployment.nats, 'stateless-consumer-test');
    consumer = new StatelessEventConsumer(nats);
  });

  afterAll(async () => {
    await consumer?.onApplicationShutdown();
    await nats?.onApplicationShutdown();
    await deployment?.dispose();
  });

  it('applies events one at a time in stream order and retries a failing one in place, never skipping it', async () => {
    const applied: number[] = [];
    let failuresLeft = 2;
    const handlers = new StatelessEventHandlers().on(
      Counted,
      recording(({ n }) => {
        if (n === 2 && failuresLeft > 0) {
          failuresLeft -= 1;
          throw new Error('not yet');
        }
        applied.push(n);
      }),
    );
    await consumer.start('order', handlers, { deliver: 'new' });
    for (const n of [1, 2, 3, 4]) await publishEvent(deployment.nats, Counted, { n });
    await eventually(expecting(() => expect(applied).toEqual([1, 2, 3, 4])), { timeoutMs: 10_000 });
    expect(failuresLeft).toBe(0);
    await consumer.stop('order');
  });

  it('with one handled subject it reads only that subject; with several it skips the subjects it does not handle', async () => {
    const seen: string[] = [];
    await consumer.start('one', new StatelessEventHandlers().on(Other, recording(({ label }) => seen.push(`one:${label}`))), { deliver: 'new' });
    await consumer.start(
      'several',
      new StatelessEventHandlers()
        .on(Other, recording(({ label }) => seen.push(`several:${label}`)))
        .on(Counted, recording(({ n }) => seen.push(`several:${n}`))),
      { deliver: 'new' },
    );
    const nc = await nats.get();
    const jsm = await jetstreamManager(nc);
    const stream = streamName(deployment.nats);
    expect((await jsm.consumers.info(stream, 'one')).config.filter_subject).toBe(prefixed(deployment.nats, Other.subject));
    expect((await jsm.consumers.info(stream, 'several')).config.filter_subject).toBe(prefixed(deployment.nats, 'events.>'));

    await publishEvent(deployment.nats, Counted, { n: 7 });
    await publishEvent(deployment.nats, Other, { label: 'a' });
    await eventually(expecting(() => expect([...seen].sort()).toEqual(['one:a', 'several:7', 'several:a'])));
    await consumer.stop('one');
    await consumer.stop('several');
  });

  it("is durable: events published while it is stopped are applied when it starts again; 'new' skips the history before it", async () => {
    const applied: number[] = [];
    const handlers = new StatelessEventHandlers().on(Counted, recording(({ n }) => applied.push(n)));
    await publishEvent(deployment.nats, Counted, { n: 100 });
    await consumer.start('durable', handlers, { deliver: 'new' });
    await publishEvent(deployment.nats, Counted, { n: 101 });
    await eventually(expecting(() => expect(applied).toEqual([101])));
    await consumer.stop('durable');
    await publishEvent(deployment.nats, Counted, { n: 102 });
    await consumer.start('durable', handlers, { deliver: 'new' });
    await eventually(expecting(() => expect(applied).toEqual([101, 102])));
    await consumer.stop('durable');
  });

  it("'all' starts a new consumer at the first event of the stream", async () => {
    const applied: number[] = [];
    await consumer.start('from-start', new StatelessEventHandlers().on(Counted, recording(({ n }) => applied.push(n))), { deliver: 'all' });
    await eventually(expecting(() => expect(applied.slice(0, 4)).toEqual([1, 2, 3, 4])));
    await consumer.stop('from-start');
  });
});
