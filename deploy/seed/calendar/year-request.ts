import type { PlanningRpc, RpcRequest } from '#contracts';

/** A school year as the planning service takes it, before it is tied to a school. */
export type YearRequest = Omit<RpcRequest<typeof PlanningRpc.upsertYear>, 'schoolId'>;
export type BreakRequest = YearRequest['breaks'][number];
export type PeriodRequest = YearRequest['periods'][number];
