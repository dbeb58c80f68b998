export type PhoneParse = { phone: string } | { error: string };

const NOT_A_PHONE = 'Телефон не распознан: пишите, например, +7 900 123-45-67';

/**
 * A Russian phone number as parents' lists carry it («8 (900) 123-45-67», «+7 900 1234567», «9001234567»,
 * «3462 12-34-56») in the one form identity keeps: +7XXXXXXXXXX.
 */
export function parsePhone(text: string): PhoneParse {
  const compact = text.replace(/[\s\u00a0()\-.]/g, '');
  if (/^(\+7|8)\d{10}$/.test(compact)) return { phone: `+7${compact.slice(-10)}` };
  if (/^7\d{10}$/.test(compact)) return { phone: `+${compact}` };
  // Ten digits without a country code: a mobile (9xx) or a city's number with its code (3xx–8xx).
  if (/^[3-9]\d{9}$/.test(compact)) return { phone: `+7${compact}` };
  return { error: NOT_A_PHONE };
}
