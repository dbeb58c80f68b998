import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE, DiscoveryModule } from '@nestjs/core';
import { createValidationPipe, PlatformModule } from '#platform';
import { AccessGuard } from './access/access.guard.js';
import { RouteActions } from './access/route-actions.js';
import { AuthModule } from './auth/auth.module.js';
import { ClassesModule } from './classes/classes.module.js';
import { GATEWAY_CONFIG, type GatewayConfig } from './config/gateway-config.js';
import { FamiliesModule } from './families/families.module.js';
import { HomeModule } from './home/home.module.js';
import { RequestContextInterceptor } from './http/request-context.interceptor.js';
import { LessonsModule } from './lessons/lessons.module.js';
import { MeModule } from './me/me.module.js';
import { ProblemFilter } from './problem/problem.filter.js';
import { RedisModule } from './redis/redis.module.js';
import { SchoolCalendar } from './schools-calendar/school-calendar.js';
import { SchoolsModule } from './schools/schools.module.js';
import { SessionStore } from './session/session.store.js';

/** The public entry: REST under /api/v1 in front of the services on NATS; sessions and OIDC state in Redis. */
@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayModule,
      global: true,
      imports: [
        PlatformModule.forRoot({ service: 'gateway', nats: config.nats, clock: config.clock, rpcTimeoutMs: config.rpcTimeoutMs }),
        RedisModule.forRoot({ url: config.redisUrl, prefix: config.nats.prefix }),
        DiscoveryModule,
        AuthModule,
        MeModule,
        LessonsModule,
        FamiliesModule,
        ClassesModule,
        SchoolsModule,
        HomeModule,
      ],
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        SessionStore,
        SchoolCalendar,
        RouteActions,
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_INTERCEPTOR, useClass: RequestContextInterceptor },
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
      exports: [GATEWAY_CONFIG, SessionStore, SchoolCalendar],
    };
  }
}
