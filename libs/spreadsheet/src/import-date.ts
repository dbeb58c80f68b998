/** A date read from an import cell: 'YYYY-MM-DD', or why it could not be read (in Russian, for the row's error). */
export type ImportDate = { date: string } | { error: string };

const RUSSIAN = /^(\d{1,2})\.(\d{1,2})\.(\d{2,4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/;
// Four digits at least: a short number in a date column is a typo rather than a day of 1900.
const SERIAL = /^\d{4,7}(?:\.\d+)?$/;

/** Excel's 1900 date system: serial 1 is 1900-01-01, and serial 60 is the 29 February 1900 that never was. */
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const LAST_SERIAL = 2_958_465; // 9999-12-31
const DAY_MS = 86_400_000;

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function calendarDate(year: number, month: number, day: number): ImportDate {
  const date = new Date(Date.UTC(year, month - 1, day));
  date.setUTCFullYear(year);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { error: 'Такой даты нет в календаре' };
  }
  return { date: `${pad(year, 4)}-${pad(month)}-${pad(day)}` };
}

function fromSerial(serial: number): ImportDate {
  if (serial < 1 || serial > LAST_SERIAL) return { error: 'Дата не распознана' };
  if (serial === 60) return { error: 'Такой даты нет в календаре' };
  const days = serial < 60 ? serial + 1 : serial;
  const date = new Date(EXCEL_EPOCH_UTC + days * DAY_MS);
  return { date: `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}` };
}

/**
 * Reads a date as files from schools carry it: ДД.ММ.ГГГГ (a Russian Excel's CSV, 1- or 2-digit day and month),
 * ГГГГ-ММ-ДД (other systems; what readTable gives for an XLSX date cell), either with a time after it (ignored), or
 * an Excel serial number of four or more digits (an XLSX date column formatted as a number). A two-digit year is
 * refused rather than guessed.
 */
export function parseImportDate(text: string): ImportDate {
  const value = text.trim();
  if (value === '') return { error: 'Дата не указана' };
  const russian = RUSSIAN.exec(value);
  if (russian) {
    const [, day, month, year] = russian as unknown as [string, string, string, string];
    if (year.length !== 4) return { error: 'Год пишется четырьмя цифрами: ДД.ММ.ГГГГ' };
    return calendarDate(Number(year), Number(month), Number(day));
  }
  const iso = ISO.exec(value);
  if (iso) {
    const [, year, month, day] = iso as unknown as [string, string, string, string];
    return calendarDate(Number(year), Number(month), Number(day));
  }
  if (SERIAL.test(value)) return fromSerial(Math.floor(Number(value)));
  return { error: 'Дата не распознана: пишите ДД.ММ.ГГГГ, например 01.09.2025' };
}

/** 'YYYY-MM-DD' as a Russian reader writes it: 'DD.MM.YYYY'. */
export function russianDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}.${month}.${year}`;
}
