import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { PlanningRpc, type RpcRequest } from '#contracts';
import { requireSystemActor } from '#platform';
import { LessonGenerator } from './lesson-generator.js';
import { LessonsService } from './lessons.service.js';

@Controller()
export class LessonsController {
  constructor(
    private readonly generator: LessonGenerator,
    private readonly lessons: LessonsService,
  ) {}

  @MessagePattern(PlanningRpc.generateLessons.subject)
  generate(@Payload({ schema: PlanningRpc.generateLessons.request }) request: RpcRequest<typeof PlanningRpc.generateLessons>) {
    requireSystemActor();
    return this.generator.generate(request.yearId);
  }

  @MessagePattern(PlanningRpc.getLesson.subject)
  get(@Payload({ schema: PlanningRpc.getLesson.request }) request: RpcRequest<typeof PlanningRpc.getLesson>) {
    return this.lessons.get(request.lessonId);
  }

  @MessagePattern(PlanningRpc.lessonsOfPages.subject)
  ofPages(@Payload({ schema: PlanningRpc.lessonsOfPages.request }) request: RpcRequest<typeof PlanningRpc.lessonsOfPages>) {
    return this.lessons.ofPages(request.pageIds, request.from, request.to);
  }
}
