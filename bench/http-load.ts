import autocannon from 'autocannon';

export interface LoadResult {
  requests: number;
  ratePerSecond: number;
  p50Ms: number;
  p99Ms: number;
  failed: number;
}

/** One kind of request; a load sends them in turn. */
export interface Target {
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface LoadOptions {
  baseUrl: string;
  method: 'GET' | 'POST' | 'PUT';
  targets: Target[];
  /** Requests per second across all connections (an open-ish model: latency under a fixed arrival rate). */
  rate: number;
  seconds: number;
  connections?: number;
}

/** Sends requests at a fixed rate with autocannon and reports latency percentiles and failures. */
export async function load(options: LoadOptions): Promise<LoadResult> {
  let turn = 0;
  const result = await autocannon({
    url: options.baseUrl,
    connections: options.connections ?? 20,
    duration: options.seconds,
    overallRate: options.rate,
    requests: [
      {
        setupRequest: (request: autocannon.Request) => {
          const target = options.targets[turn++ % options.targets.length]!;
          return { ...request, method: options.method, path: target.path, headers: target.headers, ...(target.body ? { body: target.body } : {}) };
        },
      },
    ],
  });
  return {
    requests: result.requests.total,
    ratePerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    failed: result.errors + result.timeouts + result.non2xx,
  };
}
