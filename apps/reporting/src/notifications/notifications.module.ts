import { type DynamicModule, Module } from '@nestjs/common';
import { NotificationDelivery } from './notification-delivery.js';
import { NOTIFICATION_OPTIONS, type NotificationOptions } from './notification-options.js';
import { NotificationsConsumer } from './notifications-consumer.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsService } from './notifications.service.js';
import { SmtpMailer } from './smtp-mailer.js';

/** Parents' notifications (R-REP-4): the feed, the settings, e-mail through an outbox, the daily digest. */
@Module({})
export class NotificationsModule {
  static forRoot(options: NotificationOptions): DynamicModule {
    return {
      module: NotificationsModule,
      controllers: [NotificationsController],
      providers: [
        { provide: NOTIFICATION_OPTIONS, useValue: options },
        SmtpMailer,
        NotificationsService,
        NotificationsConsumer,
        NotificationDelivery,
      ],
      exports: [NotificationsConsumer, NotificationDelivery],
    };
  }
}
