import { describe, expect, it } from '@jest/globals';
import { emailBody, instantSubject, notificationText } from './notification-text.js';

const math = { subjectName: 'Математика', date: '2026-12-03', termName: null };

describe('R-REP-4: what a notification says', () => {
  it('names the subject, the value and the date in Russian, a change as old → new', () => {
    expect(notificationText({ ...math, kind: 'mark', change: 'added', value: '5', previousValue: null })).toBe(
      'Новая отметка: Математика, 5, 03.12.2026',
    );
    expect(notificationText({ ...math, kind: 'mark', change: 'changed', value: '4', previousValue: '5' })).toBe(
      'Изменена отметка: Математика, 5 → 4, 03.12.2026',
    );
    expect(notificationText({ ...math, kind: 'mark', change: 'removed', value: null, previousValue: '2' })).toBe(
      'Удалена отметка: Математика, 2, 03.12.2026',
    );
    expect(notificationText({ ...math, kind: 'attendance', change: 'added', value: 'late', previousValue: null })).toBe(
      'Опоздание на урок: Математика, 03.12.2026',
    );
    expect(
      notificationText({ subjectName: 'Математика', date: null, termName: '2026/2027 учебный год', kind: 'result', change: 'removed', value: null, previousValue: 'н/а' }),
    ).toBe('Снята итоговая отметка: Математика, 2026/2027 учебный год (была н/а)');
  });

  it('counts several lines in the subject in Russian and groups an e-mail by child', () => {
    expect(instantSubject(1, 'attendance')).toBe('Электронный дневник: посещаемость');
    expect(instantSubject(3, 'mark')).toBe('Электронный дневник: 3 новых уведомления');
    expect(instantSubject(5, 'mark')).toBe('Электронный дневник: 5 новых уведомлений');
    expect(instantSubject(21, 'mark')).toBe('Электронный дневник: 21 новое уведомление');
    expect(emailBody([{ child: 'Орлов Пётр', lines: ['Новая отметка: Математика, 5, 03.12.2026'] }])).toContain(
      'Орлов Пётр:\n  Новая отметка: Математика, 5, 03.12.2026\n',
    );
  });
});
