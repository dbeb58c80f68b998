import { z } from 'zod';
import { readConfig } from '#platform';

/** How notifications are delivered; read from the environment once at boot (tests pass their own). */
export interface NotificationOptions {
  /** `smtp://user:password@host:587`, `smtps://…`; undefined: e-mail delivery is off and the outbox waits. */
  smtpUrl?: string;
  /** The sender of every e-mail. */
  from: string;
  /** The local hour (school's time zone) at which the daily digest goes out. */
  digestHour: number;
  /** How often the sender and the digest look for work (ms). */
  pollMs: number;
  /** The first retry after a failed send (ms); it doubles with every failure up to `retryMaxMs`. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** After this many failed attempts an e-mail is kept as failed and no longer retried. */
  maxAttempts: number;
  /** How long a claimed e-mail is the claimer's: a sender that died mid-way frees it after this (ms). */
  leaseMs: number;
}

export const NOTIFICATION_OPTIONS = Symbol('NOTIFICATION_OPTIONS');

const NotificationEnv = z.object({
  SMTP_URL: z
    .string()
    .optional()
    .transform((value) => (value?.trim() ? value.trim() : undefined))
    .refine((value) => value === undefined || /^smtps?:\/\//.test(value), 'SMTP_URL must start with smtp:// or smtps://'),
  SMTP_FROM: z.string().min(3).default('Электронный журнал <no-reply@ejournal.local>'),
  NOTIFY_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(18),
});

export const DEFAULT_NOTIFICATION_OPTIONS: Omit<NotificationOptions, 'smtpUrl' | 'from' | 'digestHour'> = {
  pollMs: 5_000,
  retryBaseMs: 60_000,
  retryMaxMs: 6 * 3_600_000,
  maxAttempts: 30,
  leaseMs: 5 * 60_000,
};

export function notificationOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): NotificationOptions {
  const parsed = readConfig(NotificationEnv, env);
  return {
    ...DEFAULT_NOTIFICATION_OPTIONS,
    ...(parsed.SMTP_URL ? { smtpUrl: parsed.SMTP_URL } : {}),
    from: parsed.SMTP_FROM,
    digestHour: parsed.NOTIFY_DIGEST_HOUR,
  };
}
