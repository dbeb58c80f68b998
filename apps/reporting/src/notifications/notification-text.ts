import type { NotificationChange, NotificationKind } from '#contracts';

/** What a notification says, before it is worded. */
export interface NotificationFacts {
  kind: NotificationKind;
  change: NotificationChange;
  subjectName: string | null;
  date: string | null;
  termName: string | null;
  value: string | null;
  previousValue: string | null;
}

/** 2026-12-03 → 03.12.2026, as Russian users read dates. */
export function russianDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}.${month}.${year}`;
}

const ATTENDANCE_WORDS: Record<string, string> = { absent: 'отсутствие', late: 'опоздание' };

function joined(...parts: Array<string | null>): string {
  return parts.filter((part): part is string => part !== null && part !== '').join(', ');
}

/** One line of the feed and of the e-mails, e.g. «Новая отметка: Математика, 5, 03.12.2026». */
export function notificationText(facts: NotificationFacts): string {
  const subject = facts.subjectName;
  const date = facts.date ? russianDate(facts.date) : null;
  switch (facts.kind) {
    case 'mark':
      if (facts.change === 'added') return `Новая отметка: ${joined(subject, facts.value, date)}`;
      if (facts.change === 'changed') {
        return `Изменена отметка: ${joined(subject, `${facts.previousValue} → ${facts.value}`, date)}`;
      }
      return `Удалена отметка: ${joined(subject, facts.previousValue, date)}`;
    case 'attendance': {
      const now = facts.value ? ATTENDANCE_WORDS[facts.value] ?? facts.value : null;
      const before = facts.previousValue ? ATTENDANCE_WORDS[facts.previousValue] ?? facts.previousValue : null;
      if (facts.change === 'added') {
        return `${facts.value === 'late' ? 'Опоздание на урок' : 'Отсутствие на уроке'}: ${joined(subject, date)}`;
      }
      if (facts.change === 'changed') return `Изменена посещаемость: ${joined(subject, date)}: ${before} → ${now}`;
      return `Снята отметка «${before}»: ${joined(subject, date)}`;
    }
    case 'result': {
      const where = joined(subject, facts.termName);
      if (facts.change === 'added') return `Итоговая отметка: ${where} — ${facts.value}`;
      if (facts.change === 'changed') return `Изменена итоговая отметка: ${where}: ${facts.previousValue} → ${facts.value}`;
      return `Снята итоговая отметка: ${where} (была ${facts.previousValue})`;
    }
  }
}

/** The subject line of an instant e-mail about one event's notifications. */
export function instantSubject(lines: number, firstKind: NotificationKind): string {
  if (lines > 1) return `Электронный дневник: ${lines} ${plural(lines, 'новое уведомление', 'новых уведомления', 'новых уведомлений')}`;
  const about: Record<NotificationKind, string> = { mark: 'отметка', attendance: 'посещаемость', result: 'итоговая отметка' };
  return `Электронный дневник: ${about[firstKind]}`;
}

export function digestSubject(date: string): string {
  return `Электронный дневник: сводка за ${russianDate(date)}`;
}

/** An e-mail body: the lines grouped by child, in the order given. */
export function emailBody(groups: ReadonlyArray<{ child: string; lines: readonly string[] }>): string {
  const sections = groups.map((group) => [`${group.child}:`, ...group.lines.map((line) => `  ${line}`)].join('\n'));
  return [
    'Здравствуйте!',
    '',
    ...sections.flatMap((section) => [section, '']),
    'Это письмо отправил электронный журнал. Все уведомления — в разделе «Уведомления» электронного дневника;',
    'там же можно выбрать, присылать ли письма сразу, раз в день или не присылать.',
    '',
  ].join('\n');
}

function plural(count: number, one: string, few: string, many: string): string {
  const mod10 = count % 10;
  const mod100 = count % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
}
