import { describe, expect, it } from '@jest/globals';
import { ErrorCode } from '#contracts';
import { downloadedBytes, rosterUpload } from './roster-upload.js';

const refusalOf = (call: () => unknown) => {
  try {
    call();
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('Expected a refusal');
};

describe('a roster file on its way to identity', () => {
  it('a CSV travels gzip-compressed in base64 and arrives byte for byte', () => {
    const bytes = Buffer.from(`\ufeffФамилия;Имя;Класс\r\n${'Иванов;Иван;5А\r\n'.repeat(1_000)}`, 'utf8');
    const file = rosterUpload(bytes, 'Состав 5А.csv', 'text/csv');
    expect(file).toMatchObject({ fileName: 'Состав 5А.csv', contentType: 'text/csv', compression: 'gzip' });
    expect(file.content.length).toBeLessThan(bytes.length / 10);
    expect(downloadedBytes(file).equals(bytes)).toBe(true);
  });

  it('a file without a name is named after its kind: a zip is an XLSX', () => {
    expect(rosterUpload(Buffer.from('PK\u0003\u0004rest'), undefined, undefined)).toMatchObject({ fileName: 'roster.xlsx', compression: 'none' });
    expect(rosterUpload(Buffer.from('Фамилия;Имя;Класс'), undefined, undefined)).toMatchObject({ fileName: 'roster.csv' });
  });

  it('no file, or a file over 5 MB, is refused in Russian', () => {
    expect(refusalOf(() => rosterUpload({ fileName: 'x' }, undefined, 'application/json'))).toMatchObject({
      code: ErrorCode.ValidationFailed,
      message: expect.stringContaining('Пришлите файл CSV или XLSX телом запроса'),
    });
    expect(refusalOf(() => rosterUpload(Buffer.alloc(5 * 1024 * 1024 + 1, 0x41), undefined, 'text/csv'))).toMatchObject({
      code: ErrorCode.ValidationFailed,
      message: 'Файл слишком большой: можно не больше 5 МБ',
    });
  });
});
