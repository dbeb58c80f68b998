import { describe, expect, it } from '@jest/globals';
import type { z } from 'zod';
import { useRussianValidationMessages } from '../common/russian-errors.js';
import { IdentityDocument, normalizeSnils, Phone, Snils, snilsChecksumValid } from './personal-data-formats.js';

useRussianValidationMessages();

const messagesOf = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues.map((issue) => issue.message) ?? [];

describe('formats of personal data (R-ACC-2)', () => {
  it('R-ACC-2: a SNILS is kept as 11 digits when its checksum holds, in any usual spelling', () => {
    expect(Snils.parse('112-233-445 95')).toBe('11223344595');
    expect(Snils.parse('11223344595')).toBe('11223344595');
    expect(Snils.parse(' 112 233 445 95 ')).toBe('11223344595');
    expect(normalizeSnils('112-233-445 95')).toBe('11223344595');
    // 9·1+8·2+…: sums of 100 and 101 give the control number 00; over 101 the remainder of 101.
    expect(snilsChecksumValid('12346000000')).toBe(true);
    expect(snilsChecksumValid('87654321341')).toBe(true);
    expect(snilsChecksumValid('00100199800')).toBe(true);
  });

  it('R-ACC-2: a wrong SNILS is refused without repeating it in the message', () => {
    expect(messagesOf(Snils, '112-233-445 96')).toEqual(['Неверный СНИЛС: не сходится контрольное число']);
    expect(messagesOf(Snils, '112-233-44')).toEqual(['СНИЛС в формате 123-456-789 01']);
    expect(normalizeSnils('112-233-445 96')).toBeNull();
    expect(normalizeSnils('not a snils')).toBeNull();
  });

  it('R-ACC-2: phones are kept as +7XXXXXXXXXX; other spellings are refused', () => {
    expect(Phone.parse('8 (912) 345-67-89')).toBe('+79123456789');
    expect(Phone.parse('+7 912 345 67 89')).toBe('+79123456789');
    expect(messagesOf(Phone, '12345')).toEqual(['Телефон в формате +7 912 345-67-89']);
  });

  it('R-ACC-2: document numbers follow the document\'s own form', () => {
    expect(IdentityDocument.parse({ type: 'passport-rf', number: '6712123456' })).toEqual({ type: 'passport-rf', number: '6712 123456' });
    expect(IdentityDocument.parse({ type: 'birth-certificate', number: 'iv-жа 123456' })).toEqual({
      type: 'birth-certificate',
      number: 'IV-ЖА 123456',
    });
    expect(messagesOf(IdentityDocument, { type: 'passport-rf', number: '12' })).toEqual(['Серия и номер паспорта в формате 1234 567890']);
    expect(messagesOf(IdentityDocument, { type: 'birth-certificate', number: '123456' })).toEqual([
      'Серия и номер свидетельства о рождении в формате IV-ЖА 123456',
    ]);
  });
});
