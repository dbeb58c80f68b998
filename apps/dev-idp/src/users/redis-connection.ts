import { createClient } from 'redis';

export function createRedisConnection(url: string) {
  return createClient({ url });
}

export type RedisConnection = ReturnType<typeof createRedisConnection>;
