import { describe, expect, it } from '@jest/globals';
import { parseImportDate, russianDate } from './import-date.js';

describe('dates in imported files', () => {
  it('reads ДД.ММ.ГГГГ with one- or two-digit day and month, and an ignored time after it', () => {
    expect(parseImportDate('14.03.2015')).toEqual({ date: '2015-03-14' });
    expect(parseImportDate('1.9.2025')).toEqual({ date: '2025-09-01' });
    expect(parseImportDate(' 01.09.2025 0:00:00 ')).toEqual({ date: '2025-09-01' });
  });

  it('reads ГГГГ-ММ-ДД, as other systems and XLSX date cells give it', () => {
    expect(parseImportDate('2015-03-14')).toEqual({ date: '2015-03-14' });
    expect(parseImportDate('2015-03-14T00:00:00.000Z')).toEqual({ date: '2015-03-14' });
    expect(parseImportDate('2015-03-14 10:30')).toEqual({ date: '2015-03-14' });
  });

  it('reads Excel serial numbers, skipping the 29 February 1900 that Excel invented', () => {
    expect(parseImportDate('42064')).toEqual({ date: '2015-03-01' });
    expect(parseImportDate('45901')).toEqual({ date: '2025-09-01' });
    expect(parseImportDate('45901.5')).toEqual({ date: '2025-09-01' });
    expect(parseImportDate('2958465')).toEqual({ date: '9999-12-31' });
    expect(parseImportDate('1000')).toEqual({ date: '1902-09-26' });
  });

  it('refuses dates that do not exist, two-digit years and anything else, with a Russian reason', () => {
    expect(parseImportDate('29.02.2016')).toEqual({ date: '2016-02-29' });
    expect(parseImportDate('29.02.2015')).toEqual({ error: 'Такой даты нет в календаре' });
    expect(parseImportDate('31.04.2015')).toEqual({ error: 'Такой даты нет в календаре' });
    expect(parseImportDate('2015-13-01')).toEqual({ error: 'Такой даты нет в календаре' });
    expect(parseImportDate('14.03.15')).toEqual({ error: 'Год пишется четырьмя цифрами: ДД.ММ.ГГГГ' });
    expect(parseImportDate('')).toEqual({ error: 'Дата не указана' });
    expect(parseImportDate('14 марта 2015')).toEqual({ error: 'Дата не распознана: пишите ДД.ММ.ГГГГ, например 01.09.2025' });
    expect(parseImportDate('03/14/2015')).toEqual({ error: 'Дата не распознана: пишите ДД.ММ.ГГГГ, например 01.09.2025' });
    expect(parseImportDate('12')).toEqual({ error: 'Дата не распознана: пишите ДД.ММ.ГГГГ, например 01.09.2025' });
    expect(parseImportDate('9999999')).toEqual({ error: 'Дата не распознана' });
  });

  it('writes a school date as a Russian reader does', () => {
    expect(russianDate('2015-03-01')).toBe('01.03.2015');
  });
});
