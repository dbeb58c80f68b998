/**
 * The form in which header names are compared: lower case, ё as е, one space between words, no space before a colon,
 * no trailing colon or asterisk (templates mark required columns with one). «Дата  Рождения*» → «дата рождения».
 */
export function normalizeHeader(title: string): string {
  return title
    .normalize('NFC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\s\u00a0\u2007\u202f]+/g, ' ')
    .replace(/\s*:\s*/g, ': ')
    .trim()
    .replace(/[\s:*]+$/, '')
    .trim();
}
