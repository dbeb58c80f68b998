import { describe, expect, it } from '@jest/globals';
import { attachmentDisposition } from './content-disposition.js';

describe('the file name of a download', () => {
  it('a Cyrillic name travels as RFC 5987 filename* with a transliterated ASCII filename beside it', () => {
    expect(attachmentDisposition('Состав 5А 2026-2027 на 2026-12-03.csv')).toBe(
      'attachment; filename="Sostav 5A 2026-2027 na 2026-12-03.csv"; ' +
        "filename*=UTF-8''%D0%A1%D0%BE%D1%81%D1%82%D0%B0%D0%B2%205%D0%90%202026-2027%20%D0%BD%D0%B0%202026-12-03.csv",
    );
  });

  it('quotes, backslashes, percent signs and apostrophes cannot break the header', () => {
    const header = attachmentDisposition('a"b\\c%d\'e(1).csv');
    expect(header).toBe(`attachment; filename="a_b_c_d'e(1).csv"; filename*=UTF-8''a%22b%5Cc%25d%27e%281%29.csv`);
    expect(decodeURIComponent(header.split("UTF-8''")[1]!)).toBe('a"b\\c%d\'e(1).csv');
  });
});
