import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import nodemailer from 'nodemailer';
import { NOTIFICATION_OPTIONS, type NotificationOptions } from './notification-options.js';

export interface OutgoingEmail {
  /** The outbox row: also the Message-ID, so a receiver can tell a repeated delivery from a new e-mail. */
  id: string;
  to: string;
  subject: string;
  text: string;
}

/** Sends e-mail through the SMTP server of the configuration; none configured: `enabled` is false. */
@Injectable()
export class SmtpMailer implements OnApplicationShutdown {
  private readonly transport;

  constructor(@Inject(NOTIFICATION_OPTIONS) private readonly options: NotificationOptions) {
    this.transport = options.smtpUrl
      ? nodemailer.createTransport({
          url: options.smtpUrl,
          connectionTimeout: 15_000,
          greetingTimeout: 15_000,
          socketTimeout: 60_000,
        })
      : undefined;
  }

  get enabled(): boolean {
    return this.transport !== undefined;
  }

  async send(email: OutgoingEmail): Promise<void> {
    if (!this.transport) throw new Error('e-mail delivery is not configured');
    await this.transport.sendMail({
      from: this.options.from,
      to: email.to,
      subject: email.subject,
      text: email.text,
      messageId: `<${email.id}@ejournal>`,
    });
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
