import { Injectable } from '@nestjs/common';
import { type Actor, type AttendanceEntry, ColumnReservationRpc, type LessonAttendanceState, type RpcRequest } from '#contracts';
import { RpcClient } from '#platform';

/**
 * The attendance part of the columns the journal coordinates (ColumnReservationRpc), called as the request's actor
 * unless another is given (the journal itself resolving a column left pending).
 */
@Injectable()
export class AttendanceColumn {
  constructor(private readonly rpc: RpcClient) {}

  prepare(request: RpcRequest<typeof ColumnReservationRpc.prepare>): Promise<{ entries: AttendanceEntry[] }> {
    return this.rpc.call(ColumnReservationRpc.prepare, request);
  }

  confirm(columnId: string, actor?: Actor): Promise<{ entries: AttendanceEntry[] }> {
    return this.rpc.call(ColumnReservationRpc.confirm, { columnId }, actor ? { actor } : {});
  }

  cancel(columnId: string, lessonId: string, actor?: Actor): Promise<{ status: 'cancelled' }> {
    return this.rpc.call(ColumnReservationRpc.cancel, { columnId, lessonId }, actor ? { actor } : {});
  }

  state(lessonId: string): Promise<LessonAttendanceState> {
    return this.rpc.call(ColumnReservationRpc.state, { lessonId });
  }
}
