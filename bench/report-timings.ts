import { performance } from 'node:perf_hooks';
import type { ApiSession } from '#testing';
import type { Budget } from './budgets.js';

/** A report read the way people read reports: one after another, a few times; p95 of the whole request. */
export async function timeReport(
  session: ApiSession,
  name: string,
  path: string,
  limitMs: number,
  repeats = 10,
): Promise<Budget> {
  const timings: number[] = [];
  for (let i = 0; i < repeats; i += 1) {
    const start = performance.now();
    const response = await session.get(path);
    if (!response.ok) throw new Error(`${name}: ${response.status} ${await response.text()}`);
    await response.arrayBuffer();
    timings.push(performance.now() - start);
  }
  timings.sort((a, b) => a - b);
  const p95 = Math.round(timings[Math.max(0, Math.ceil(timings.length * 0.95) - 1)]!);
  return { name, measured: `p95 ${p95} ms over ${repeats} requests`, limit: `p95 ≤ ${limitMs} ms`, kept: p95 <= limitMs };
}
