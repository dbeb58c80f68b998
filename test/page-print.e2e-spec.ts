import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { extractText } from 'unpdf';
import { PlanningRpc, SYSTEM_SEED_ACTOR } from '#contracts';
import { FixedClock } from '#platform';
import { type ApiSession, eventually, loginThroughDevIdp } from '#testing';
import { MATRIX_ADMIN_TOKEN, type MatrixSystem, startMatrixSystem } from './permission-matrix/matrix-system.js';
import { loadMatrixWorld, type MatrixWorld, PASSWORD, TODAY } from './permission-matrix/matrix-world.js';

/**
 * The printed journal page through the gateway with every service running and real sign-ins (issue 6, item 2): the
 * colleague teaching Russian in 6А enters a topic, homework and a mark; the class teacher prints the page as a PDF.
 */
describe('printing a journal page through the API', () => {
  let system: MatrixSystem;
  let world: MatrixWorld;
  let lessonId: string;
  const sessions = new Map<string, ApiSession>();
  const as = async (login: string) => {
    if (!sessions.has(login)) sessions.set(login, await loginThroughDevIdp(system.gateway.url, login, PASSWORD));
    return sessions.get(login)!;
  };
  const printPath = () => {
    const quarter = world.years.a.periods.find((period) => period.number === 2)!.id;
    return `/api/v1/pages/${world.resources['page:russian-a'].id}/print?periodId=${quarter}`;
  };

  beforeAll(async () => {
    system = await startMatrixSystem(new FixedClock(new Date(`${TODAY}T10:00:00+05:00`)));
    world = await loadMatrixWorld(system.rpc, { url: system.devIdp.url, adminToken: MATRIX_ADMIN_TOKEN });
    const pageId = world.resources['page:russian-a'].id;
    const { lessons } = await system.rpc.call(
      PlanningRpc.lessonsOfPages,
      { pageIds: [pageId], from: TODAY, to: TODAY },
      { actor: SYSTEM_SEED_ACTOR },
    );
    lessonId = lessons[0]!.id;
  }, 240_000);

  afterAll(async () => {
    await system?.close();
  });

  it('the class teacher prints the page: a PDF with the student, the date, the mark, the topic and the homework in Cyrillic', async () => {
    const colleague = await as('colleague');
    const content = await colleague.put(`/api/v1/lessons/${lessonId}/content`, { topic: 'Причастный оборот', homework: 'Упр. 112' });
    expect(content.status).toBe(200);
    const mark = await colleague.post(`/api/v1/lessons/${lessonId}/marks`, { studentId: world.people.student, value: 5, workKind: 'answer' });
    expect(mark.status).toBe(201);

    const classTeacher = await as('classTeacher');
    const text = await eventually(async () => {
      const response = await classTeacher.get(printPath());
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="[^"]*\.pdf"; filename\*=UTF-8''/);
      const { text: pages } = await extractText(new Uint8Array(await response.arrayBuffer()), { mergePages: true });
      const flat = pages.replace(/\s+/g, ' ');
      expect(flat).toContain('Причастный оборот');
      return flat;
    });
    expect(text).toContain('Класс: 6А');
    expect(text).toContain('Учитель: Соколов Д. П.');
    expect(text).toContain('Егоров А. И.');
    expect(text).toContain(`${TODAY.slice(8, 10)}.${TODAY.slice(5, 7)}`);
    expect(text).toMatch(/Егоров А\. И\.[^А-ЯЁ]*\b5\b/);
    expect(text).toContain('Упр. 112');
  });

  it('a parent does not read the page, so cannot print it', async () => {
    const response = await (await as('parent')).get(printPath());
    expect(response.status).toBe(404);
  });
});
