import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { IdentityRpc, type RpcRequest } from '#contracts';
import { PageHandoverService } from './page-handover.service.js';
import { SubstitutionsService } from './substitutions.service.js';

@Controller()
export class AssignmentsController {
  constructor(
    private readonly handover: PageHandoverService,
    private readonly substitutions: SubstitutionsService,
  ) {}

  @MessagePattern(IdentityRpc.handOverPage.subject)
  handOver(@Payload({ schema: IdentityRpc.handOverPage.request }) request: RpcRequest<typeof IdentityRpc.handOverPage>) {
    return this.handover.handOver(request);
  }

  @MessagePattern(IdentityRpc.assignSubstitute.subject)
  assignSubstitute(
    @Payload({ schema: IdentityRpc.assignSubstitute.request }) request: RpcRequest<typeof IdentityRpc.assignSubstitute>,
  ) {
    return this.substitutions.assign(request);
  }

  @MessagePattern(IdentityRpc.removeSubstitute.subject)
  removeSubstitute(
    @Payload({ schema: IdentityRpc.removeSubstitute.request }) request: RpcRequest<typeof IdentityRpc.removeSubstitute>,
  ) {
    return this.substitutions.remove(request);
  }

  @MessagePattern(IdentityRpc.substitutionsOfTeacher.subject)
  substitutionsOfTeacher(
    @Payload({ schema: IdentityRpc.substitutionsOfTeacher.request })
    request: RpcRequest<typeof IdentityRpc.substitutionsOfTeacher>,
  ) {
    return this.substitutions.ofTeacher(request.teacherId, request.date);
  }
}
