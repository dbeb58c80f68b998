import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { extractText } from 'unpdf';
import { ErrorCode, JournalEvents, PagePrintRpc } from '#contracts';
import { type RunningService, RpcClient } from '#platform';
import { createTestDeployment, refusalOf, startTestService, type TestDeployment } from '#testing';
import { reportingServiceSpec } from '../reporting.service-spec.js';
import { readModelSettled } from '../testing/read-model-settled.js';
import { SchoolFixture } from '../testing/school-fixture.js';
import { TestEventPublisher } from '../testing/test-event-publisher.js';

/** The text of each page of a PDF, with runs of white space as one space. */
async function pdfPages(base64: string): Promise<string[]> {
  const { text } = await extractText(new Uint8Array(Buffer.from(base64, 'base64')), { mergePages: false });
  return text.map((page) => page.replace(/\s+/g, ' ').trim());
}

describe('reporting: the printed journal page', () => {
  let deployment: TestDeployment;
  let reporting: RunningService;
  let rpc: RpcClient;
  let publisher: TestEventPublisher;
  const school = new SchoolFixture();

  beforeAll(async () => {
    deployment = await createTestDeployment(['reporting']);
    reporting = await startTestService(reportingServiceSpec, deployment);
    rpc = reporting.app.get(RpcClient);
    publisher = await TestEventPublisher.connect(deployment.nats);
    await school.publish(publisher);
    // A second mark of Петрова's in the lesson of 2 December: a cell with two marks.
    const second = { ...school.marks.petrovaMathDec02, id: randomUUID(), value: 5, enteredAt: '2026-12-02T05:30:00.000Z' };
    await publisher.publish(JournalEvents.marksSaved, { marks: [second] });
    await readModelSettled(rpc);
  });

  afterAll(async () => {
    await publisher?.close();
    await reporting?.close();
    await deployment?.dispose();
  });

  it('prints a page for a period as the paper journal: students by date with marks and «н», then dates, topics and homework', async () => {
    const file = await rpc.call(PagePrintRpc.pdf, { pageId: school.pages.math5a, periodId: school.periods.q2 });
    expect(file.contentType).toBe('application/pdf');
    expect(file.fileName).toBe('Журнал 5А Математика 2 четверть 2026-2027.pdf');
    const pages = await pdfPages(file.content);
    expect(pages).toHaveLength(2);
    const [grid, lessons] = pages as [string, string];

    for (const page of pages) {
      expect(page).toContain('МБОУ «Тестовая СОШ № 7»');
      expect(page).toContain('Класс: 5А Предмет: Математика');
      expect(page).toContain('Учитель: Смирнова О. И.');
      expect(page).toContain('2 четверть 2026/2027 учебного года (05.11.2026 – 28.12.2026)');
    }
    expect(grid).toContain('Стр. 1 из 2');
    expect(lessons).toContain('Стр. 2 из 2');

    // The dates of the page's lessons in the quarter, then each student's row: number, surname and initials, cells.
    expect(grid).toContain('Успеваемость и посещаемость');
    expect(grid).toContain('№ Фамилия, имя 23.11 30.11 02.12 03.12');
    expect(grid).toContain('1 Иванов И. П. 3 4 н');
    expect(grid).toContain('2 Кузнецова М. О. 3 Петрова');
    expect(grid).toContain('3 Петрова А. С. 2 3/5');
    // Сидоров left 5А on 30 November: he stays on the page of the quarter with the mark imported for him.
    expect(grid).toContain('4 Сидоров П. 5');
    expect(grid).not.toContain('Белов');

    expect(lessons).toContain('Что пройдено на уроке');
    expect(lessons).toContain('№ Дата Тема урока Домашнее задание');
    expect(lessons).toContain('1 23.11.2026 Десятичные дроби');
    expect(lessons).toContain('2 30.11.2026 Обыкновенные дроби');
    expect(lessons).toContain('3 02.12.2026 Сложение дробей № 245, 246');
    expect(lessons).toContain('4 03.12.2026');
  });

  it('R-DATA-3: an earlier period prints the same way from the read model', async () => {
    const file = await rpc.call(PagePrintRpc.pdf, { pageId: school.pages.math5a, periodId: school.periods.q1 });
    const [grid, lessons] = (await pdfPages(file.content)) as [string, string];
    expect(grid).toContain('1 четверть 2026/2027 учебного года');
    expect(grid).toContain('№ Фамилия, имя 21.10');
    expect(grid).toContain('1 Иванов И. П. 5');
    expect(lessons).toContain('1 21.10.2026');
  });

  it('answers NOT_FOUND for a page it does not know and for a period of another school', async () => {
    const unknownPage = await refusalOf(rpc.call(PagePrintRpc.pdf, { pageId: randomUUID(), periodId: school.periods.q2 }));
    expect(unknownPage.code).toBe(ErrorCode.NotFound);
    const other = new SchoolFixture();
    const foreignPeriod = await refusalOf(rpc.call(PagePrintRpc.pdf, { pageId: school.pages.math5a, periodId: other.periods.q2 }));
    expect(foreignPeriod.code).toBe(ErrorCode.NotFound);
  });
});
