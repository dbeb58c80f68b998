import { describe, expect, it } from '@jest/globals';
import { normalizeHeader } from '#spreadsheet';
import { parseClassLabel } from './class-label.js';
import { documentKey } from './document-key.js';
import { nameKey, splitFullName, tidyNamePart } from './person-name-rules.js';
import { parsePhone } from './phone.js';
import { parentColumn } from './roster-columns.js';
import { formatSnils, parseSnils } from './snils.js';

describe('roster values as schools write them', () => {
  it('names: capitals and small letters tidied, full names split, compared without case and ё', () => {
    expect(tidyNamePart('ИВАНОВА - ПЕТРОВА')).toBe('Иванова-Петрова');
    expect(tidyNamePart('  иван ')).toBe('Иван');
    expect(tidyNamePart('Мак-Грегор')).toBe('Мак-Грегор');
    expect(splitFullName('Алиев  Рашид Гасан оглы')).toEqual({ lastName: 'Алиев', firstName: 'Рашид', middleName: 'Гасан оглы' });
    expect(splitFullName('Ли Эрик')).toEqual({ lastName: 'Ли', firstName: 'Эрик', middleName: null });
    expect(splitFullName('Ли')).toBeUndefined();
    expect(nameKey({ lastName: 'Ёлкина', firstName: 'Алёна', middleName: null })).toBe(
      nameKey({ lastName: 'ЕЛКИНА', firstName: 'алена', middleName: null }),
    );
  });

  it('classes: «5А», «5 а», «5-А», «5 «А» класс», Latin twins, profile letters', () => {
    expect(parseClassLabel('5А')).toEqual({ grade: 5, letter: 'А' });
    expect(parseClassLabel('5 а')).toEqual({ grade: 5, letter: 'А' });
    expect(parseClassLabel('5-A')).toEqual({ grade: 5, letter: 'А' });
    expect(parseClassLabel('5 «Б» класс')).toEqual({ grade: 5, letter: 'Б' });
    expect(parseClassLabel('10фм')).toEqual({ grade: 10, letter: 'ФМ' });
    expect(parseClassLabel('12А')).toBeUndefined();
    expect(parseClassLabel('пятый')).toBeUndefined();
  });

  it('SNILS: 11 digits with the check number verified', () => {
    expect(parseSnils('112-233-445 95')).toEqual({ snils: '11223344595' });
    expect(parseSnils('11223344595')).toEqual({ snils: '11223344595' });
    expect(parseSnils('112-233-445 96')).toEqual({ error: 'В СНИЛС ошибка: не сходится контрольное число' });
    expect(parseSnils('001-001-998 00')).toEqual({ snils: '00100199800' });
    expect(parseSnils('112-233-445')).toEqual({ error: 'СНИЛС — 11 цифр, например 112-233-445 95' });
    expect(formatSnils('11223344595')).toBe('112-233-445 95');
  });

  it('phones: Russian numbers in any writing become +7XXXXXXXXXX', () => {
    for (const text of ['8 (900) 123-45-67', '+7 900 123 45 67', '9001234567', '7-900-123-45-67']) {
      expect(parsePhone(text)).toEqual({ phone: '+79001234567' });
    }
    expect(parsePhone('3462 12-34-56')).toEqual({ phone: '+73462123456' });
    expect(parsePhone('+375 29 123-45-67')).toEqual({ error: 'Телефон не распознан: пишите, например, +7 900 123-45-67' });
    expect(parsePhone('12345')).toEqual({ error: 'Телефон не распознан: пишите, например, +7 900 123-45-67' });
    expect(parsePhone('звонить маме')).toEqual({ error: 'Телефон не распознан: пишите, например, +7 900 123-45-67' });
  });

  it('documents compare without spaces, dashes, «№» and case', () => {
    expect(documentKey('IV-ПК № 123456')).toBe(documentKey('ivпк123456'));
  });

  it('parent columns in the documented form and the variants', () => {
    const read = (title: string) => parentColumn(normalizeHeader(title));
    expect(read('Родитель 1: фамилия')).toEqual({ slot: 'родитель 1', field: 'lastName' });
    expect(read('Родитель: Телефон')).toEqual({ slot: 'родитель 1', field: 'phone' });
    expect(read('Родитель 2: ФИО')).toEqual({ slot: 'родитель 2', field: 'fullName' });
    expect(read('Фамилия родителя 2')).toEqual({ slot: 'родитель 2', field: 'lastName' });
    expect(read('Законный представитель')).toEqual({ slot: 'родитель 1', field: 'fullName' });
    expect(read('ФИО матери')).toEqual({ slot: 'мать', field: 'fullName' });
    expect(read('Телефон отца')).toEqual({ slot: 'отец', field: 'phone' });
    expect(read('Мать: мобильный телефон')).toEqual({ slot: 'мать', field: 'phone' });
    expect(read('Примечание')).toBeUndefined();
  });
});
