import { Injectable } from '@nestjs/common';
import { IdentityRpc, type LocalDate } from '#contracts';
import { schoolDateAt } from '#domain';
import { Clock, RpcClient } from '#platform';

const ZONE_CACHE_MS = 10 * 60_000;

/**
 * "Today" of a school for planning's rules (closing periods, deadlines): the Clock's instant read in the school's own
 * time zone, which identity keeps with the school's settings (R-CAL-2), never in the server's.
 */
@Injectable()
export class SchoolToday {
  private readonly zones = new Map<string, { timeZone: string; until: number }>();

  constructor(
    private readonly rpc: RpcClient,
    private readonly clock: Clock,
  ) {}

  async of(schoolId: string): Promise<LocalDate> {
    return schoolDateAt(this.clock.now(), await this.timeZone(schoolId));
  }

  /** The school's time zone as identity has it (cached for a while: a school seldom moves). */
  async timeZone(schoolId: string): Promise<string> {
    const cached = this.zones.get(schoolId);
    // Cache lifetimes are process time, not school time.
    if (cached && cached.until > Date.now()) return cached.timeZone;
    const school = await this.rpc.call(IdentityRpc.getSchool, { schoolId });
    this.zones.set(schoolId, { timeZone: school.timeZone, until: Date.now() + ZONE_CACHE_MS });
    return school.timeZone;
  }
}
