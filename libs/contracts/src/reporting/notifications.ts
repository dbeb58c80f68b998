import { z } from 'zod';
import { Id } from '../common/ids.js';
import { LocalDate } from '../common/local-date.js';
import { PersonName } from '../common/person-name.js';
import { defineRpc } from '../common/rpc-definition.js';

/** What a notification is about: a current mark, a student's attendance at a lesson, a period or year result. */
export const NotificationKind = z.enum(['mark', 'attendance', 'result']);
export type NotificationKind = z.infer<typeof NotificationKind>;

/** New (a mark, an absence or lateness, a result), changed (old → new), or removed (deleted, marked present, taken back). */
export const NotificationChange = z.enum(['added', 'changed', 'removed']);
export type NotificationChange = z.infer<typeof NotificationChange>;

/** One item of a parent's feed (R-REP-4). */
export const ParentNotification = z
  .object({
    id: Id,
    createdAt: z.iso.datetime({ offset: true }),
    read: z.boolean(),
    kind: NotificationKind,
    change: NotificationChange,
    student: z.object({ id: Id }).extend(PersonName.shape),
    subjectCode: z.string().nullable(),
    subjectName: z.string().nullable(),
    date: LocalDate.nullable().meta({ description: 'Дата урока (для итоговых отметок — null)' }),
    termName: z.string().nullable().meta({ description: 'Период или год итоговой отметки' }),
    value: z
      .string()
      .nullable()
      .meta({ description: 'Отметка («5»); для посещаемости absent — отсутствие, late — опоздание; итог («4», «н/а», «зачёт»…); null — снято' }),
    previousValue: z.string().nullable().meta({ description: 'Значение до изменения (для change = changed и removed)' }),
    text: z.string().meta({ description: 'Текст уведомления, например «Новая отметка: Математика, 5, 03.12.2026»' }),
  })
  .meta({ id: 'ParentNotification' });
export type ParentNotification = z.infer<typeof ParentNotification>;

export const NotificationFeed = z
  .object({
    items: z.array(ParentNotification),
    unread: z.number().int().min(0).meta({ description: 'Сколько непрочитанных всего' }),
    next: z.string().nullable().meta({ description: 'Курсор следующей (более старой) страницы; null — больше нет' }),
  })
  .meta({ id: 'NotificationFeed' });
export type NotificationFeed = z.infer<typeof NotificationFeed>;

export const NotificationFeedQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20).meta({ description: 'Сколько уведомлений (до 100)' }),
  before: z
    .string()
    .regex(/^\d{1,18}$/, 'Курсор — значение поля next')
    .optional()
    .meta({ description: 'Курсор next предыдущей страницы' }),
});

export const MarkNotificationsRead = z
  .object({
    ids: z.array(Id).max(500).optional().meta({ description: 'Какие уведомления отметить прочитанными' }),
    all: z.boolean().optional().meta({ description: 'true — отметить прочитанными все' }),
  })
  .refine((body) => body.all === true || (body.ids?.length ?? 0) > 0, { message: 'Укажите ids или all: true' })
  .meta({ id: 'MarkNotificationsRead' });
export type MarkNotificationsRead = z.infer<typeof MarkNotificationsRead>;

/** E-mail: each notification at once, one digest a day at the configured hour, or none; the feed is always kept. */
export const EmailMode = z.enum(['instant', 'digest', 'off']);
export type EmailMode = z.infer<typeof EmailMode>;

/**
 * A parent's settings as saved. Whether e-mail has an address is checked against the address on record too (an
 * omitted `email` keeps it), so reporting, not this schema, refuses instant or digest e-mail without one.
 */
export const NotificationSettingsInput = z
  .object({
    email: z
      .email('Неверный адрес электронной почты')
      .max(254)
      .nullable()
      .optional()
      .meta({ description: 'Адрес для писем; null — удалить адрес; не указан — остаётся прежний' }),
    emailMode: EmailMode.meta({ description: 'instant — сразу, digest — раз в день, off — не присылать письма (можно и без адреса)' }),
  })
  .meta({ id: 'NotificationSettingsInput' });
export type NotificationSettingsInput = z.infer<typeof NotificationSettingsInput>;

export const NotificationSettings = z
  .object({
    email: z.string().nullable(),
    emailMode: EmailMode,
    digestHour: z.number().int().min(0).max(23).meta({ description: 'Час отправки ежедневной сводки (время школы)' }),
    emailDelivery: z.boolean().meta({ description: 'Отправка писем настроена на сервере; если нет — письма ждут в очереди' }),
  })
  .meta({ id: 'NotificationSettings' });
export type NotificationSettings = z.infer<typeof NotificationSettings>;

/** A parent's own notifications and settings (R-REP-4); the actor is the parent, every call is about them only. */
export const NotificationsRpc = {
  feed: defineRpc<NotificationFeed>()('reporting.notifications.feed', NotificationFeedQuery),
  markRead: defineRpc<{ unread: number }>()('reporting.notifications.mark-read', MarkNotificationsRead),
  settings: defineRpc<NotificationSettings>()('reporting.notifications.settings', z.object({})),
  saveSettings: defineRpc<NotificationSettings>()('reporting.notifications.settings.save', NotificationSettingsInput),
} as const;
