import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { IdentityRpc, type RpcRequest } from '#contracts';
import { EnrollmentsService } from './enrollments.service.js';

@Controller()
export class EnrollmentsController {
  constructor(private readonly enrollments: EnrollmentsService) {}

  @MessagePattern(IdentityRpc.upsertEnrollments.subject)
  upsertEnrollments(
    @Payload({ schema: IdentityRpc.upsertEnrollments.request }) request: RpcRequest<typeof IdentityRpc.upsertEnrollments>,
  ) {
    return this.enrollments.upsertEnrollments(request);
  }

  @MessagePattern(IdentityRpc.upsertGroupMemberships.subject)
  upsertGroupMemberships(
    @Payload({ schema: IdentityRpc.upsertGroupMemberships.request })
    request: RpcRequest<typeof IdentityRpc.upsertGroupMemberships>,
  ) {
    return this.enrollments.upsertGroupMemberships(request);
  }
}
