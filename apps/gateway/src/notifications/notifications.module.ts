import { Module } from '@nestjs/common';
import { NotificationsController } from './notifications.controller.js';

/** A parent's notification feed and settings, answered by reporting. */
@Module({ controllers: [NotificationsController] })
export class NotificationsModule {}
