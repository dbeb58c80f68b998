import { type DynamicModule, Inject, Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { createRedisConnection, REDIS, type RedisConnection } from './redis-connection.js';
import { RedisKeys } from './redis-keys.js';

@Injectable()
class RedisShutdown implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: RedisConnection) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.redis.isOpen) await this.redis.close();
  }
}

/** One Redis connection per gateway instance, connected at boot and closed with the app. */
@Module({})
export class RedisModule {
  static forRoot(options: { url: string; prefix: string }): DynamicModule {
    return {
      module: RedisModule,
      global: true,
      providers: [
        {
          provide: REDIS,
          useFactory: async (): Promise<RedisConnection> => {
            const logger = new Logger('Redis');
            const redis = createRedisConnection(options.url);
            redis.on('error', (error: unknown) => logger.error(`Redis: ${String(error)}`));
            await redis.connect();
            return redis;
          },
        },
        { provide: RedisKeys, useValue: new RedisKeys(options.prefix) },
        RedisShutdown,
      ],
      exports: [REDIS, RedisKeys],
    };
  }
}
