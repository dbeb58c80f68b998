import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { IdentityRpc, type RpcRequest } from '#contracts';
import { StudentsService } from './students.service.js';

@Controller()
export class StudentsController {
  constructor(private readonly students: StudentsService) {}

  @MessagePattern(IdentityRpc.childrenOfParent.subject)
  childrenOfParent(
    @Payload({ schema: IdentityRpc.childrenOfParent.request }) request: RpcRequest<typeof IdentityRpc.childrenOfParent>,
  ) {
    return this.students.childrenOfParent(request.parentId);
  }

  @MessagePattern(IdentityRpc.studentAccess.subject)
  studentAccess(
    @Payload({ schema: IdentityRpc.studentAccess.request }) request: RpcRequest<typeof IdentityRpc.studentAccess>,
  ) {
    return this.students.studentAccess(request.studentId, request.date);
  }
}
