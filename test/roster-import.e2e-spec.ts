import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import iconv from 'iconv-lite';
import { FixedClock } from '#platform';
import { type ApiSession, loginThroughDevIdp } from '#testing';
import { MATRIX_ADMIN_TOKEN, type MatrixSystem, startMatrixSystem } from './permission-matrix/matrix-system.js';
import { loadMatrixWorld, type MatrixWorld, PASSWORD, TODAY } from './permission-matrix/matrix-world.js';

interface Preview {
  digest: string;
  effectiveDate: string;
  summary: Record<string, number>;
  errors: unknown[];
  addEnrollments: Array<{ student: { name: { lastName: string } }; class: { name: string }; from: string }>;
}

async function json<T>(response: Response, status = 200): Promise<T> {
  const text = await response.text();
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

/** A list as an older school system or a Russian Excel saves it: windows-1251, `;`, a title line, ФИО columns. */
const WINDOWS_1251_FILE = iconv.encode(
  [
    'Список обучающихся на 03.12.2026;;;;',
    'ФИО ученика;Дата рождения;Класс;ФИО матери;Телефон матери',
    'Смирнова Алиса Олеговна;14.03.2015;6 а;Смирнова Ольга Петровна;8 (912) 555-66-77',
    'Кузнецов Марк Игоревич;02.11.2014;7-А;;',
  ].join('\r\n') + '\r\n',
  'win1251',
);

/**
 * Roster import and export through the gateway (R-DATA-2), with every service, the development OpenID provider and a
 * real sign-in: the file is the request body, checked, applied, and exported again.
 */
describe('roster files through the API', () => {
  let system: MatrixSystem;
  let world: MatrixWorld;
  let director: ApiSession;
  const upload = (path: string, body: Uint8Array | string, query: Record<string, string>, contentType = 'text/csv; charset=windows-1251') =>
    director.post(`/api/v1/schools/${world.schoolA}/${path}?${new URLSearchParams(query).toString()}`, body, {
      headers: { 'content-type': contentType },
    });

  beforeAll(async () => {
    system = await startMatrixSystem(new FixedClock(new Date(`${TODAY}T10:00:00+05:00`)));
    world = await loadMatrixWorld(system.rpc, { url: system.devIdp.url, adminToken: MATRIX_ADMIN_TOKEN });
    // The director is on school A's personal-data list: the file's birth dates and phones are theirs to load.
    director = await loginThroughDevIdp(system.gateway.url, 'director', PASSWORD);
  }, 240_000);

  afterAll(async () => {
    await system?.close();
  });

  it('R-DATA-2: a windows-1251 `;` file is checked, applied, seen by the read model, and exported back in the same format', async () => {
    const fileName = { fileName: 'Список 6А и 7А.csv' };
    const preview = await json<Preview>(await upload('roster-imports/dry-run', WINDOWS_1251_FILE, fileName));
    expect(preview).toMatchObject({ effectiveDate: TODAY, errors: [] });
    expect(preview.summary).toMatchObject({ rows: 2, studentsToCreate: 2, parentsToCreate: 1, enrollments: 2, guardianships: 1 });
    expect(preview.addEnrollments.map((enrollment) => [enrollment.student.name.lastName, enrollment.class.name, enrollment.from])).toEqual([
      ['Смирнова', '6А', TODAY],
      ['Кузнецов', '7А', TODAY],
    ]);

    // Applied with a digest that is not the dry run's: refused, nothing changes.
    const stale = await upload('roster-imports', WINDOWS_1251_FILE, { ...fileName, digest: 'a'.repeat(64) });
    expect(stale.status).toBe(409);
    expect(stale.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    await expect(stale.json()).resolves.toMatchObject({ code: 'CONFLICT', detail: expect.stringContaining('проверьте файл ещё раз') });

    const outcome = await json<{ summary: Record<string, number> }>(
      await upload('roster-imports', WINDOWS_1251_FILE, { ...fileName, digest: preview.digest }),
    );
    expect(outcome.summary).toEqual(preview.summary);

    const class6a = world.resources['class:6a'].id;
    const roster = await json<{ enrollments: Array<{ student: { id: string; lastName: string }; from: string }> }>(
      await director.get(`/api/v1/classes/${class6a}/roster`),
    );
    const alisa = roster.enrollments.find((enrollment) => enrollment.student.lastName === 'Смирнова');
    expect(alisa).toMatchObject({ from: TODAY });
    // Reporting learns of the new student from identity's events: the class summary lists her.
    await system.settle();
    const summary = await json<{ students: Array<{ studentId: string }> }>(await director.get(`/api/v1/classes/${class6a}/summary?date=${TODAY}`));
    expect(summary.students.map((student) => student.studentId)).toContain(alisa!.student.id);

    const exported = await director.get(`/api/v1/schools/${world.schoolA}/roster-export?format=csv&classId=${class6a}`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(exported.headers.get('cache-control')).toBe('no-store');
    const disposition = exported.headers.get('content-disposition')!;
    expect(disposition).toContain('filename="Sostav 6A 2026-2027 na 2026-12-03.csv"');
    expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1]!)).toBe('Состав 6А 2026-2027 на 2026-12-03.csv');
    const bytes = new Uint8Array(await exported.arrayBuffer());
    const text = Buffer.from(bytes).toString('utf8');
    expect(text).toContain('6А;Смирнова;Алиса;Олеговна;14.03.2015;;;03.12.2026;Смирнова;Ольга;Петровна;\'+79125556677');

    // The exported file, uploaded as it is, changes nothing.
    const again = await json<Preview>(await upload('roster-imports/dry-run', bytes, { fileName: 'export.csv' }, 'text/csv'));
    expect(again.errors).toEqual([]);
    expect(again.summary).toMatchObject({ unchangedRows: again.summary.rows, studentsToCreate: 0, enrollments: 0, guardianships: 0 });

    const workbook = await director.get(`/api/v1/schools/${world.schoolA}/roster-export?format=xlsx`);
    expect(workbook.status).toBe(200);
    expect(workbook.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(Buffer.from(await workbook.arrayBuffer()).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('the OpenAPI document describes the file bodies, the query parameters and the file answers', async () => {
    const document = (await (await fetch(new URL('/api/openapi.json', system.gateway.url))).json()) as {
      paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string }>; requestBody?: unknown; responses: Record<string, unknown> }>>;
    };
    const apply = document.paths['/api/v1/schools/{schoolId}/roster-imports']!.post!;
    expect(apply.requestBody).toMatchObject({ content: { 'text/csv': { schema: { type: 'string', format: 'binary' } } } });
    expect(apply.parameters!.filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name).sort()).toEqual([
      'academicYear',
      'digest',
      'fileName',
    ]);
    const exported = document.paths['/api/v1/schools/{schoolId}/roster-export']!.get!;
    expect(exported.responses['200']).toMatchObject({ content: { 'text/csv; charset=utf-8': expect.anything() } });
    expect(JSON.stringify(document.paths['/api/v1/schools/{schoolId}/roster-imports/dry-run'])).toContain('RosterImportPreview');
  });

  it('JSON instead of a file, or a file over 5 MB, is refused in Russian as problem+json', async () => {
    const json = await director.post(`/api/v1/schools/${world.schoolA}/roster-imports/dry-run`, { file: 'x' });
    expect(json.status).toBe(400);
    await expect(json.json()).resolves.toMatchObject({ code: 'VALIDATION_FAILED', detail: expect.stringContaining('Пришлите файл CSV или XLSX') });
    const tooLarge = await upload('roster-imports/dry-run', Buffer.alloc(5 * 1024 * 1024 + 10, 0x41), {}, 'text/csv');
    expect(tooLarge.status).toBe(400);
    await expect(tooLarge.json()).resolves.toMatchObject({ code: 'VALIDATION_FAILED', detail: 'Файл слишком большой: можно не больше 5 МБ' });
    const huge = await upload('roster-imports/dry-run', Buffer.alloc(8 * 1024 * 1024, 0x41), {}, 'text/csv');
    expect(huge.status).toBe(400);
    expect(huge.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    await expect(huge.json()).resolves.toMatchObject({ code: 'VALIDATION_FAILED', detail: 'Тело запроса слишком велико' });
  });
});
