import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { PersonalDataRpc, type RpcRequest } from '#contracts';
import { PersonalDataService } from './personal-data.service.js';

@Controller()
export class PersonalDataController {
  constructor(private readonly personalData: PersonalDataService) {}

  @MessagePattern(PersonalDataRpc.read.subject)
  read(@Payload({ schema: PersonalDataRpc.read.request }) request: RpcRequest<typeof PersonalDataRpc.read>) {
    return this.personalData.read(request.personId);
  }

  @MessagePattern(PersonalDataRpc.write.subject)
  write(@Payload({ schema: PersonalDataRpc.write.request }) request: RpcRequest<typeof PersonalDataRpc.write>) {
    return this.personalData.write(request);
  }

  @MessagePattern(PersonalDataRpc.staff.subject)
  staff(@Payload({ schema: PersonalDataRpc.staff.request }) request: RpcRequest<typeof PersonalDataRpc.staff>) {
    return this.personalData.staff(request.schoolId);
  }

  @MessagePattern(PersonalDataRpc.addStaff.subject)
  addStaff(@Payload({ schema: PersonalDataRpc.addStaff.request }) request: RpcRequest<typeof PersonalDataRpc.addStaff>) {
    return this.personalData.addStaff(request);
  }

  @MessagePattern(PersonalDataRpc.removeStaff.subject)
  removeStaff(@Payload({ schema: PersonalDataRpc.removeStaff.request }) request: RpcRequest<typeof PersonalDataRpc.removeStaff>) {
    return this.personalData.removeStaff(request);
  }

  @MessagePattern(PersonalDataRpc.log.subject)
  log(@Payload({ schema: PersonalDataRpc.log.request }) request: RpcRequest<typeof PersonalDataRpc.log>) {
    return this.personalData.log(request);
  }
}
