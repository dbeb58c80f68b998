import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE, DiscoveryModule } from '@nestjs/core';
import { createValidationPipe, PlatformModule } from '#platform';
import { AccessDecision } from './access/access-decision.js';
import { AccessGuard } from './access/access.guard.js';
import { AccessRevocationModule } from './access-revocation/access-revocation.module.js';
import { AdminAccountsModule } from './admin-accounts/admin-accounts.module.js';
import { AdminApiClientsModule } from './admin-api-clients/admin-api-clients.module.js';
import { RouteActions } from './access/route-actions.js';
import { AssignmentsModule } from './assignments/assignments.module.js';
import { AttendanceModule } from './attendance/attendance.module.js';
import { AuthModule } from './auth/auth.module.js';
import { ClassesModule } from './classes/classes.module.js';
import { RATE_LIMIT_SETTINGS, rateLimitSettingsOf, TOKEN_SETTINGS, tokenSettingsOf } from './config/auth-settings.js';
import { GATEWAY_CONFIG, type GatewayConfig } from './config/gateway-config.js';
import { FamiliesModule } from './families/families.module.js';
import { FinalResultsModule } from './final-results/final-results.module.js';
import { HomeModule } from './home/home.module.js';
import { RequestContextInterceptor } from './http/request-context.interceptor.js';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor.js';
import { IdempotencyStore } from './idempotency/idempotency-store.js';
import { LessonChangesModule } from './lesson-changes/lesson-changes.module.js';
import { LessonColumnModule } from './lessons/column/lesson-column.module.js';
import { LessonsModule } from './lessons/lessons.module.js';
import { MeModule } from './me/me.module.js';
import { MunicipalModule } from './municipal/municipal.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { OneRosterModule } from './oneroster/oneroster.module.js';
import { PagePrintModule } from './page-print/page-print.module.js';
import { PerformanceModule } from './performance/performance.module.js';
import { ConsistencyModule } from './consistency/consistency.module.js';
import { PersonalDataModule } from './personal-data/personal-data.module.js';
import { ProblemFilter } from './problem/problem.filter.js';
import { RateLimiter } from './rate-limit/rate-limiter.js';
import { RateLimits } from './rate-limit/rate-limits.js';
import { RedisModule } from './redis/redis.module.js';
import { PlansModule } from './plans/plans.module.js';
import { RosterModule } from './roster/roster.module.js';
import { RosterImportModule } from './roster-import/roster-import.module.js';
import { SchoolCalendar } from './schools-calendar/school-calendar.js';
import { SchoolReportsModule } from './school-reports/school-reports.module.js';
import { SchoolYearsModule } from './school-years/school-years.module.js';
import { SchoolsModule } from './schools/schools.module.js';
import { RequestPrincipals } from './session/request-principals.js';
import { SessionStore } from './session/session.store.js';
import { TimetableModule } from './timetable/timetable.module.js';
import { TokenKeys } from './tokens/token-keys.js';
import { TokenStore } from './tokens/token-store.js';

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
        LessonColumnModule,
        AttendanceModule,
        LessonChangesModule,
        FamiliesModule,
        ClassesModule,
        SchoolsModule,
        HomeModule,
        AssignmentsModule,
        AdminApiClientsModule,
        AccessRevocationModule,
        AdminAccountsModule,
        PersonalDataModule,
        RosterModule,
        RosterImportModule,
        PlansModule,
        SchoolYearsModule,
        FinalResultsModule,
        SchoolReportsModule,
        TimetableModule,
        OneRosterModule,
        MunicipalModule,
        PagePrintModule,
        NotificationsModule,
        PerformanceModule,
        ConsistencyModule,
      ],
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        { provide: TOKEN_SETTINGS, useValue: tokenSettingsOf(config) },
        { provide: RATE_LIMIT_SETTINGS, useValue: rateLimitSettingsOf(config) },
        { provide: TokenKeys, useValue: new TokenKeys(config.nats.prefix) },
        SessionStore,
        TokenStore,
        RateLimiter,
        RateLimits,
        RequestPrincipals,
        SchoolCalendar,
        RouteActions,
        AccessDecision,
        { provide: APP_GUARD, useClass: AccessGuard },
        IdempotencyStore,
        { provide: APP_INTERCEPTOR, useClass: RequestContextInterceptor },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
      exports: [
        GATEWAY_CONFIG,
        TOKEN_SETTINGS,
        RATE_LIMIT_SETTINGS,
        TokenKeys,
        SessionStore,
        TokenStore,
        RateLimits,
        RequestPrincipals,
        SchoolCalendar,
      ],
    };
  }
}
