import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ColumnReservationRpc, type RpcRequest } from '#contracts';
import { currentActor } from '#platform';
import { ColumnReservationsService } from './column-reservations.service.js';

@Controller()
export class ColumnReservationsController {
  constructor(private readonly reservations: ColumnReservationsService) {}

  @MessagePattern(ColumnReservationRpc.prepare.subject)
  prepare(@Payload({ schema: ColumnReservationRpc.prepare.request }) request: RpcRequest<typeof ColumnReservationRpc.prepare>) {
    return this.reservations.prepare(request);
  }

  @MessagePattern(ColumnReservationRpc.confirm.subject)
  confirm(@Payload({ schema: ColumnReservationRpc.confirm.request }) request: RpcRequest<typeof ColumnReservationRpc.confirm>) {
    return this.reservations.confirm(request.columnId, 'journal', currentActor());
  }

  @MessagePattern(ColumnReservationRpc.cancel.subject)
  cancel(@Payload({ schema: ColumnReservationRpc.cancel.request }) request: RpcRequest<typeof ColumnReservationRpc.cancel>) {
    return this.reservations.cancel(request.columnId, request.lessonId, 'journal', currentActor());
  }

  @MessagePattern(ColumnReservationRpc.state.subject)
  state(@Payload({ schema: ColumnReservationRpc.state.request }) request: RpcRequest<typeof ColumnReservationRpc.state>) {
    return this.reservations.state(request.lessonId);
  }
}
