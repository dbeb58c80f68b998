import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, IdentityRpc, type LocalDate, type Role } from '#contracts';
import { schoolDateAt } from '#domain';
import { Clock, RpcClient } from '#platform';
import type { GatewaySession } from '../session/gateway-session.js';

const ZONE_CACHE_MS = 10 * 60_000;

/** "Today" of a school: judged in the school's own time zone, never the server's (R-CAL-2). */
@Injectable()
export class SchoolCalendar {
  private readonly zones = new Map<string, { timeZone: string; until: number }>();

  constructor(
    private readonly rpc: RpcClient,
    private readonly clock: Clock,
  ) {}

  async today(schoolId: string): Promise<LocalDate> {
    return schoolDateAt(this.clock.now(), await this.timeZone(schoolId));
  }

  /** Today in the school where the person holds one of the roles (the first such grant). */
  todayFor(session: Pick<GatewaySession, 'grants'>, roles: readonly Role[]): Promise<LocalDate> {
    return this.today(schoolOf(session, roles));
  }

  private async timeZone(schoolId: string): Promise<string> {
    const cached = this.zones.get(schoolId);
    // Cache lifetimes are process time, not school time.
    if (cached && cached.until > Date.now()) return cached.timeZone;
    const school = await this.rpc.call(IdentityRpc.getSchool, { schoolId });
    this.zones.set(schoolId, { timeZone: school.timeZone, until: Date.now() + ZONE_CACHE_MS });
    return school.timeZone;
  }
}

export function schoolOf(session: Pick<GatewaySession, 'grants'>, roles: readonly Role[]): string {
  const grant = session.grants.find((candidate) => roles.includes(candidate.role));
  if (!grant) throw new DomainError(ErrorCode.Forbidden, 'Действие недоступно для вашей роли');
  return grant.schoolId;
}

export function hasRole(session: Pick<GatewaySession, 'grants'>, role: Role): boolean {
  return session.grants.some((grant) => grant.role === role);
}
