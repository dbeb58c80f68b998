import { describe, expect, it } from '@jest/globals';
import { cellText, russianDate, surnameAndInitials } from './journal-page.js';

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
});
