import { describe, expect, it } from '@jest/globals';
import type { FastifyReply } from 'fastify';
import { fileReply } from './file-reply.js';
import { planUpload } from './plan-upload.js';

function refusalOf(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  throw new Error('Expected a refusal');
}

describe('plan files through the gateway', () => {
  it('R-PLAN-2: a plan file is the raw request body, sent on to planning in base64 with its name', () => {
    const csv = Buffer.from('№;Тема урока\r\n1;Дроби\r\n', 'utf8');
    expect(planUpload(csv, 'КТП 5А.csv', 'text/csv')).toEqual({ fileName: 'КТП 5А.csv', contentType: 'text/csv', content: csv.toString('base64') });
    expect(planUpload(Buffer.from('PK\u0003\u0004rest'), undefined, undefined)).toMatchObject({ fileName: 'ktp.xlsx' });
    expect(refusalOf(() => planUpload({ topics: [] }, undefined, 'application/json'))).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(refusalOf(() => planUpload(Buffer.alloc(701 * 1024, 1), 'big.csv', 'text/csv'))).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'Файл слишком большой: КТП загружается файлом до 700 КБ',
    });
  });

  it('a file made by a service is sent with its type and its Russian name', () => {
    const headers: Record<string, string> = {};
    const reply = { header: (name: string, value: string) => ((headers[name] = value), reply) } as unknown as FastifyReply;
    const bytes = fileReply(reply, { fileName: 'КТП Математика 5А.csv', contentType: 'text/csv; charset=utf-8', content: Buffer.from('x').toString('base64') });
    expect(bytes.toString()).toBe('x');
    expect(headers).toEqual({
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="KTP Matematika 5A.csv"; filename*=UTF-8''${encodeURIComponent('КТП Математика 5А.csv')}`,
      'cache-control': 'no-store',
    });
  });
});
