import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import {
  MarkNotificationsRead,
  NotificationFeed,
  NotificationFeedQuery,
  NotificationSettings,
  NotificationSettingsInput,
  NotificationsRpc,
} from '#contracts';
import { RpcClient } from '#platform';
import { Action } from '../access/action.decorator.js';

const UnreadCount = z.object({ unread: z.number().int().min(0) }).meta({ id: 'UnreadCount' });

/**
 * A parent's notifications (R-REP-4): new and changed marks, absences and lates, period results of their children;
 * e-mail delivery at once, as a daily digest, or none. Personal routes: always about the signed-in parent.
 */
@ApiTags('Уведомления')
@ApiCookieAuth()
@Controller('api/v1/me')
export class NotificationsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('notifications')
  @Action('me.notifications.read')
  @ApiOperation({
    summary: 'Лента уведомлений родителя: новые и изменённые отметки, пропуски и опоздания, итоговые отметки детей',
    description: 'Сначала новые; следующая страница — с курсором next в параметре before. unread — сколько непрочитанных всего.',
  })
  @ApiOkResponse({ standardSchema: NotificationFeed })
  feed(@Query({ schema: NotificationFeedQuery }) query: z.infer<typeof NotificationFeedQuery>): Promise<NotificationFeed> {
    return this.rpc.call(NotificationsRpc.feed, query);
  }

  @Post('notifications/read')
  @HttpCode(200)
  @Action('me.notifications.mark-read')
  @ApiOperation({ summary: 'Отметить уведомления прочитанными (перечисленные или все)' })
  @ApiOkResponse({ standardSchema: UnreadCount })
  markRead(@Body({ schema: MarkNotificationsRead }) body: MarkNotificationsRead): Promise<{ unread: number }> {
    return this.rpc.call(NotificationsRpc.markRead, body);
  }

  @Get('notification-settings')
  @Action('me.notification-settings.read')
  @ApiOperation({ summary: 'Настройки уведомлений: адрес почты и режим писем (сразу, раз в день, не присылать)' })
  @ApiOkResponse({ standardSchema: NotificationSettings })
  settings(): Promise<NotificationSettings> {
    return this.rpc.call(NotificationsRpc.settings, {});
  }

  @Put('notification-settings')
  @Action('me.notification-settings.write')
  @ApiOperation({
    summary: 'Изменить настройки уведомлений',
    description: 'Лента ведётся всегда; письма — сразу (instant), сводкой раз в день (digest) или никогда (off). Для писем нужен адрес.',
  })
  @ApiOkResponse({ standardSchema: NotificationSettings })
  saveSettings(@Body({ schema: NotificationSettingsInput }) body: NotificationSettingsInput): Promise<NotificationSettings> {
    return this.rpc.call(NotificationsRpc.saveSettings, body);
  }
}
