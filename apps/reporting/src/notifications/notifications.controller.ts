import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { NotificationsRpc, type RpcRequest } from '#contracts';
import { NotificationsService } from './notifications.service.js';

@Controller()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @MessagePattern(NotificationsRpc.feed.subject)
  feed(@Payload({ schema: NotificationsRpc.feed.request }) request: RpcRequest<typeof NotificationsRpc.feed>) {
    return this.notifications.feed(request);
  }

  @MessagePattern(NotificationsRpc.markRead.subject)
  markRead(@Payload({ schema: NotificationsRpc.markRead.request }) request: RpcRequest<typeof NotificationsRpc.markRead>) {
    return this.notifications.markRead(request);
  }

  @MessagePattern(NotificationsRpc.settings.subject)
  settings(@Payload({ schema: NotificationsRpc.settings.request }) _request: RpcRequest<typeof NotificationsRpc.settings>) {
    return this.notifications.settings();
  }

  @MessagePattern(NotificationsRpc.saveSettings.subject)
  saveSettings(
    @Payload({ schema: NotificationsRpc.saveSettings.request }) request: RpcRequest<typeof NotificationsRpc.saveSettings>,
  ) {
    return this.notifications.saveSettings(request);
  }
}
