import { describe, expect, it } from '@jest/globals';
import { BOLD, type FittedText, fitText, type PdfDoc, renderPdf } from './pdf-document.js';

/** Fits texts with the document's bold font; returns each fitted text and the widths of its lines at its size. */
async function fitted(cases: ReadonlyArray<{ text: string; width: number; size: number; minSize?: number }>) {
  const results: Array<FittedText & { widths: number[] }> = [];
  await renderPdf({ title: 'test', margin: 36 }, (doc: PdfDoc) => {
    doc.addPage().font(BOLD);
    for (const { text, width, size, minSize } of cases) {
      const fitted = fitText(doc, text, width, size, minSize);
      doc.fontSize(fitted.size);
      results.push({ ...fitted, widths: fitted.lines.map((line) => doc.widthOfString(line)) });
    }
  });
  return results;
}

describe('a table cell of a printed report: its text is fitted, never cut', () => {
  it('wraps a head at spaces onto as many lines as it needs, each word whole, at the size asked', async () => {
    const [head, explicit] = await fitted([
      { text: 'Причина не указана', width: 40, size: 8 },
      { text: 'Успеваемость, %\nсейчас', width: 120, size: 7 },
    ]);
    expect(head).toMatchObject({ lines: ['Причина', 'не', 'указана'], size: 8 });
    expect(explicit).toMatchObject({ lines: ['Успеваемость, %', 'сейчас'], size: 7 });
    for (const width of head!.widths) expect(width).toBeLessThanOrEqual(40);
  });

  it('shrinks a word too long for its column only as far as needed, and not below the smallest size', async () => {
    const [shrunk, floor] = await fitted([
      { text: 'Посещаемость, %', width: 52, size: 8, minSize: 6 },
      { text: 'Неуспевающих', width: 20, size: 8, minSize: 6 },
    ]);
    expect(shrunk!.lines[0]).toBe('Посещаемость,');
    expect(shrunk!.size).toBeLessThan(8);
    expect(shrunk!.size).toBeGreaterThanOrEqual(6);
    expect(shrunk!.widths[0]).toBeLessThanOrEqual(52);
    expect(floor!.size).toBe(6);
  });

  it('splits a word wider than the column even at the smallest size: at its own hyphen, else after a syllable, with a hyphen', async () => {
    const [surname, subject] = await fitted([
      { text: 'Римский-Корсаковская-Преображенская А. С.', width: 100, size: 8 },
      { text: 'Изобразительное искусство', width: 30, size: 7, minSize: 5 },
    ]);
    expect(surname!.lines).toEqual(['Римский-Корсаковская-', 'Преображенская А. С.']);
    expect(subject!.size).toBe(5);
    expect(subject!.lines).toEqual(['Изобрази-', 'тельное', 'искусство']);
    for (const { widths } of [surname!, subject!]) for (const width of widths) expect(width).toBeLessThanOrEqual(100);
    expect(subject!.widths.every((width) => width <= 30)).toBe(true);
  });
});
