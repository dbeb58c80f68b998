import { describe, expect, it } from '@jest/globals';
import { cellText, russianDate, russianDateTime, surnameAndInitials } from './journal-page.js';

describe('the printed journal page: what its cells and rows show', () => {
  it('lists a student by surname and initials, also without a patronymic', () => {
    expect(surnameAndInitials({ lastName: 'Иванов', firstName: 'Иван', middleName: 'Петрович' })).toBe('Иванов И. П.');
    expect(surnameAndInitials({ lastName: 'Сидоров', firstName: 'Пётр', middleName: null })).toBe('Сидоров П.');
  });

  it('shows an absence as «н» and several marks separated by «/», in the order they were entered', () => {
    expect(cellText(false, [])).toBe('');
    expect(cellText(true, [])).toBe('н');
    expect(cellText(false, [3, 5])).toBe('3/5');
    expect(cellText(true, [4])).toBe('н/4');
  });

  it('writes dates as the paper journal does', () => {
    expect(russianDate('2026-10-21')).toBe('21.10');
    expect(russianDate('2026-10-21', true)).toBe('21.10.2026');
  });

  it('R-CAL-2: writes an instant as the school\'s wall clock, «ДД.ММ.ГГГГ ЧЧ:ММ», in the school\'s zone', () => {
    expect(russianDateTime('2026-09-15T06:02:11.000Z', 'Asia/Yekaterinburg')).toBe('15.09.2026 11:02');
    // Late in the evening in UTC is already the next day in Yekaterinburg; midnight is 00, not 24.
    expect(russianDateTime(new Date('2026-12-31T19:00:00Z'), 'Asia/Yekaterinburg')).toBe('01.01.2027 00:00');
    expect(russianDateTime('2026-12-02T06:00:00.000Z', 'Europe/Kaliningrad')).toBe('02.12.2026 08:00');
  });
});
