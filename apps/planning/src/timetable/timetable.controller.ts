import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { PlanningRpc } from '#contracts';
import { requireSystemActor } from '#platform';
import type { ReplaceTimetableCommand } from './replace-timetable.command.js';
import { TimetableService } from './timetable.service.js';

@Controller()
export class TimetableController {
  constructor(private readonly timetable: TimetableService) {}

  @MessagePattern(PlanningRpc.replaceTimetable.subject)
  replace(@Payload({ schema: PlanningRpc.replaceTimetable.request }) command: ReplaceTimetableCommand) {
    requireSystemActor();
    return this.timetable.replace(command);
  }
}
