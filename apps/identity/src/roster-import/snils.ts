export type SnilsParse = { snils: string } | { error: string };

/** Numbers up to 001-001-998 were issued before the check sum existed. */
const LAST_UNCHECKED = 1_001_998;

/** The check number of SNILS: digits weighted 9..1, summed, then taken modulo 101 (100 and 101 give 00). */
function checkNumber(digits: string): number {
  let sum = 0;
  for (let index = 0; index < 9; index += 1) sum += Number(digits[index]) * (9 - index);
  if (sum < 100) return sum;
  const rest = sum % 101;
  return rest === 100 ? 0 : rest;
}

/** SNILS as written («112-233-445 95», «11223344595») → its 11 digits, with the check number verified. */
export function parseSnils(text: string): SnilsParse {
  const digits = text.replace(/[\s\u00a0-]/g, '');
  if (!/^\d{11}$/.test(digits)) return { error: 'СНИЛС — 11 цифр, например 112-233-445 95' };
  if (Number(digits.slice(0, 9)) > LAST_UNCHECKED && checkNumber(digits) !== Number(digits.slice(9))) {
    return { error: 'В СНИЛС ошибка: не сходится контрольное число' };
  }
  return { snils: digits };
}

/** 11 digits of SNILS as printed on the card: 112-233-445 95. */
export function formatSnils(digits: string): string {
  return `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6, 9)} ${digits.slice(9)}`;
}
