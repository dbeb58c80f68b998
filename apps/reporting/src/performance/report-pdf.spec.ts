import { describe, expect, it } from '@jest/globals';
import { extractText } from 'unpdf';
import { renderReportPdf } from './report-pdf.js';

describe('the printed performance report', () => {
  it('R-REP-1: a long table continues on further pages, each with the header, the column heads and its number', async () => {
    const rows = Array.from({ length: 120 }, (_, index) => [String(index + 1), `Ученик ${index + 1}`, `4,${index % 10}0\n4 / 5`]);
    const pdf = await renderReportPdf({
      title: 'Сводная ведомость 5А',
      headerLines: ['МБОУ «Тестовая СОШ № 7»'],
      tables: [
        {
          title: 'Сводная ведомость',
          columns: [
            { header: '№', width: 20 },
            { header: 'Ученик', width: 150 },
            { header: 'Математика', width: 60, align: 'center' },
          ],
          rows,
        },
      ],
    });
    const { totalPages, text } = await extractText(new Uint8Array(pdf), { mergePages: false });
    expect(totalPages).toBeGreaterThan(2);
    text.forEach((page, index) => {
      const flat = page.replace(/\s+/g, ' ');
      expect(flat).toContain('Сводная ведомость 5А');
      expect(flat).toContain('МБОУ «Тестовая СОШ № 7»');
      expect(flat).toContain('Ученик Математика');
      expect(flat).toContain(`Стр. ${index + 1} из ${totalPages}`);
    });
    const all = text.join(' ').replace(/\s+/g, ' ');
    expect(all).toContain('120 Ученик 120 4,90 4 / 5');
    expect(all).toContain('1 Ученик 1 4,00 4 / 5');
  });

  it('R-REP-2: column heads are written out in full in narrow columns, a group heading over its columns, on every page', async () => {
    const rows = Array.from({ length: 80 }, (_, index) => [`Класс ${index + 1}`, '12', '83,3', '100,0', '-16,7']);
    const pdf = await renderReportPdf({
      title: 'Успеваемость',
      headerLines: [],
      tables: [
        {
          title: 'По классам',
          columns: [
            { header: '', width: 120 },
            { header: 'Неуспевающих', width: 48, align: 'center' },
            ...['сейчас', 'было', 'изменение'].map((header) => ({ header, group: 'Успеваемость, %', width: 38, align: 'center' as const })),
          ],
          rows,
        },
      ],
    });
    const { totalPages, text } = await extractText(new Uint8Array(pdf), { mergePages: false });
    expect(totalPages).toBeGreaterThan(1);
    for (const page of text) expect(page.replace(/\s+/g, ' ')).toContain('Неуспевающих Успеваемость, % сейчас было изменение');
  });
});
