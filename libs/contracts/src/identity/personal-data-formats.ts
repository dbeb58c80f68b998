import { z } from 'zod';

/**
 * Formats of personal data (R-ACC-2). Messages never repeat the value: personal data does not appear in error
 * details or logs.
 */

const SNILS_FORMAT = /^\d{3}[- ]?\d{3}[- ]?\d{3}[- ]?\d{2}$/;
/** Numbers up to 001-001-998 were issued before the checksum was introduced. */
const LAST_UNCHECKED = 1_001_998;

const digitsOf = (value: string) => value.replace(/\D/g, '');

/** Is this the checksum of an 11-digit SNILS right (the Pension Fund's rule)? */
export function snilsChecksumValid(digits: string): boolean {
  if (!/^\d{11}$/.test(digits)) return false;
  const number = Number(digits.slice(0, 9));
  if (number <= LAST_UNCHECKED) return true;
  const sum = [...digits.slice(0, 9)].reduce((total, digit, index) => total + Number(digit) * (9 - index), 0);
  const control = sum < 100 ? sum : sum % 101 === 100 ? 0 : sum % 101;
  return control === Number(digits.slice(9));
}

/** The 11 digits of a SNILS written in any of its usual forms, or null when it is no SNILS (wrong form or checksum). */
export function normalizeSnils(value: string): string | null {
  const trimmed = value.trim();
  if (!SNILS_FORMAT.test(trimmed)) return null;
  const digits = digitsOf(trimmed);
  return snilsChecksumValid(digits) ? digits : null;
}

/** СНИЛС: written "123-456-789 01" or as 11 digits; kept as 11 digits. */
export const Snils = z
  .string()
  .trim()
  .regex(SNILS_FORMAT, { message: 'СНИЛС в формате 123-456-789 01', abort: true })
  .overwrite(digitsOf)
  .refine(snilsChecksumValid, 'Неверный СНИЛС: не сходится контрольное число')
  .meta({ description: 'СНИЛС (11 цифр)', example: '112-233-445 95' });

const PHONE_FORMAT = /^(\+7|8)[\s(-]*\d{3}[\s)-]*\d{3}[\s-]*\d{2}[\s-]*\d{2}$/;

/** A Russian phone number, kept as +7XXXXXXXXXX. */
export const Phone = z
  .string()
  .trim()
  .regex(PHONE_FORMAT, 'Телефон в формате +7 912 345-67-89')
  .overwrite((value) => `+7${digitsOf(value).slice(1)}`)
  .meta({ description: 'Телефон', example: '+7 912 345-67-89' });

const PASSPORT_NUMBER = /^\d{2}\s?\d{2}\s?\d{6}$/;
const BIRTH_CERTIFICATE_NUMBER = /^[IVXLC]{1,6}-[А-ЯЁ]{2}\s?№?\s?\d{6}$/i;

/** An identity document: a passport of the Russian Federation, a birth certificate, or another document. */
export const IdentityDocument = z
  .discriminatedUnion('type', [
    z.object({
      type: z.literal('passport-rf'),
      number: z
        .string()
        .trim()
        .regex(PASSPORT_NUMBER, 'Серия и номер паспорта в формате 1234 567890')
        .overwrite((value) => {
          const digits = digitsOf(value);
          return `${digits.slice(0, 4)} ${digits.slice(4)}`;
        }),
    }),
    z.object({
      type: z.literal('birth-certificate'),
      number: z
        .string()
        .trim()
        .regex(BIRTH_CERTIFICATE_NUMBER, 'Серия и номер свидетельства о рождении в формате IV-ЖА 123456')
        .overwrite((value) => {
          const [series = '', rest = ''] = value.toUpperCase().split('-');
          return `${series}-${rest.slice(0, 2)} ${digitsOf(rest)}`;
        }),
    }),
    z.object({
      type: z.literal('other'),
      name: z.string().trim().min(1).max(200),
      number: z.string().trim().min(1).max(50),
    }),
  ])
  .meta({ id: 'IdentityDocument', description: 'Документ, удостоверяющий личность' });
export type IdentityDocument = z.infer<typeof IdentityDocument>;
