import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { MarkSettingsRpc, type RpcRequest } from '#contracts';
import { MarkSettingsService } from './mark-settings.service.js';

@Controller()
export class MarkSettingsController {
  constructor(private readonly settings: MarkSettingsService) {}

  @MessagePattern(MarkSettingsRpc.get.subject)
  get(@Payload({ schema: MarkSettingsRpc.get.request }) request: RpcRequest<typeof MarkSettingsRpc.get>) {
    return this.settings.get(request.schoolId);
  }

  @MessagePattern(MarkSettingsRpc.set.subject)
  set(@Payload({ schema: MarkSettingsRpc.set.request }) request: RpcRequest<typeof MarkSettingsRpc.set>) {
    return this.settings.set(request);
  }

  @MessagePattern(MarkSettingsRpc.log.subject)
  log(@Payload({ schema: MarkSettingsRpc.log.request }) request: RpcRequest<typeof MarkSettingsRpc.log>) {
    return this.settings.log(request);
  }
}
