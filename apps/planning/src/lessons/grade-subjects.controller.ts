import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { GradeSubjectsRpc, type RpcRequest } from '#contracts';
import { GradeSubjects } from './grade-subjects.js';

@Controller()
export class GradeSubjectsController {
  constructor(private readonly subjects: GradeSubjects) {}

  @MessagePattern(GradeSubjectsRpc.get.subject)
  get(@Payload({ schema: GradeSubjectsRpc.get.request }) request: RpcRequest<typeof GradeSubjectsRpc.get>) {
    return this.subjects.get(request.yearId, request.grade, request.subjectCode);
  }
}
