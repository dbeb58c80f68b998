import { Injectable } from '@nestjs/common';
import {
  type Actor,
  type ConsistencyDifference,
  type ConsistencyReport,
  ConsistencyRpc,
  DomainError,
  ErrorCode,
  type RpcRequest,
} from '#contracts';
import { Clock, currentActor, RpcClient } from '#platform';
import { decide } from '#policy';
import { ReadModelService } from '../read-model/read-model.service.js';
import { compareCounts } from './compare-counts.js';
import { ReadModelCountsReader } from './read-model-counts.reader.js';

/** Reporting asks the sources for their counts as the system: they answer nobody else. */
const AS_SYSTEM: { actor: Actor; timeoutMs: number } = { actor: { kind: 'system', name: 'reporting' }, timeoutMs: 60_000 };
const DEFAULT_WAIT_MS = 10_000;
/** An event committed at a source may still be in its outbox when the backlog reads 0: look once more after this. */
const RECHECK_AFTER_MS = 1_000;
const SCHOOL_NOT_FOUND = 'Школа не найдена';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Compares the read model with the services it is built from (issue 6, item 7): each source's own totals of a school
 * against the same totals from the read model, once the read model has caught up with the stream. A school that
 * differs is counted again after a moment, so that a change still on its way is not reported as a loss.
 */
@Injectable()
export class ConsistencyService {
  constructor(
    private readonly rpc: RpcClient,
    private readonly readModel: ReadModelService,
    private readonly readModelCounts: ReadModelCountsReader,
    private readonly clock: Clock,
  ) {}

  async check({ schoolId, waitMs = DEFAULT_WAIT_MS }: RpcRequest<typeof ConsistencyRpc.check>): Promise<ConsistencyReport> {
    this.assertMayCheck(currentActor(), schoolId);
    const known = (await this.rpc.call(ConsistencyRpc.schools, {}, AS_SYSTEM)).schoolIds;
    // A school nobody knows is no school with nothing to differ: the caller mistyped an id.
    if (schoolId && !known.includes(schoolId)) throw new DomainError(ErrorCode.NotFound, SCHOOL_NOT_FOUND, { schoolId });
    const schoolIds = schoolId ? [schoolId] : known;
    await this.caughtUp(waitMs);
    const schools: ConsistencyReport['schools'] = [];
    const differences: ConsistencyDifference[] = [];
    for (const id of schoolIds) {
      let compared = await this.compareSchool(id);
      if (compared.differences.length > 0) {
        await sleep(RECHECK_AFTER_MS);
        await this.caughtUp(waitMs);
        compared = await this.compareSchool(id);
      }
      schools.push({ schoolId: id, measures: compared.measures });
      differences.push(...compared.differences);
    }
    const { backlog } = await this.readModel.backlog();
    return { checkedAt: this.clock.now().toISOString(), backlog, schools, differences };
  }

  /** The system checks every school; a person (the gateway let them through) only a school, and is asked again here. */
  private assertMayCheck(actor: Actor, schoolId: string | undefined): void {
    if (actor.kind === 'system') return;
    if (!schoolId) throw new DomainError(ErrorCode.Forbidden, 'Проверку всех школ запускает только система');
    const decision = decide('consistency.read', actor, { exists: true, schoolIds: [schoolId], relations: [] });
    if (decision.allowed) return;
    if (decision.visible) throw new DomainError(ErrorCode.Forbidden, 'Недостаточно прав для проверки согласованности');
    throw new DomainError(ErrorCode.NotFound, SCHOOL_NOT_FOUND);
  }

  private async compareSchool(schoolId: string): Promise<{ measures: number; differences: ConsistencyDifference[] }> {
    const identity = await this.rpc.call(ConsistencyRpc.identityCounts, { schoolId }, AS_SYSTEM);
    const { pageIds } = identity;
    const [planning, journal, attendance] = await Promise.all([
      this.rpc.call(ConsistencyRpc.planningCounts, { schoolId }, AS_SYSTEM),
      this.rpc.call(ConsistencyRpc.journalCounts, { schoolId, pageIds }, AS_SYSTEM),
      this.rpc.call(ConsistencyRpc.attendanceCounts, { schoolId, pageIds }, AS_SYSTEM),
    ]);
    const { counts: readModel } = await this.readModelCounts.of(schoolId);
    const sources = [
      ['identity', identity.counts],
      ['planning', planning.counts],
      ['journal', journal.counts],
      ['attendance', attendance.counts],
    ] as const;
    return {
      measures: sources.reduce((sum, [, counts]) => sum + Object.keys(counts).length, 0),
      differences: sources.flatMap(([source, counts]) => compareCounts(schoolId, source, counts, readModel)),
    };
  }

  /** Waits until the read model has applied every event of the stream, or `waitMs` has passed. */
  private async caughtUp(waitMs: number): Promise<void> {
    const until = Date.now() + waitMs;
    while ((await this.readModel.backlog()).backlog > 0 && Date.now() < until) await sleep(200);
  }
}
