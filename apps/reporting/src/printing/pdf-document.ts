import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';

export type PdfDoc = InstanceType<typeof PDFDocument>;

/** DejaVu Sans Condensed (an npm package, so CI has it offline): TrueType, embedded, with Cyrillic. */
const FONT_DIR = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
export const REGULAR = 'dejavu-regular';
export const BOLD = 'dejavu-bold';

/**
 * Renders an A4 document of the journal: the fonts registered, pages added by `draw`, «Стр. N из M» at the foot of
 * every page once all are drawn.
 */
export async function renderPdf(
  options: { title: string; margin: number; layout?: 'portrait' | 'landscape' },
  draw: (doc: PdfDoc) => void,
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: options.layout ?? 'portrait',
    margin: options.margin,
    bufferPages: true,
    autoFirstPage: false,
    info: { Title: options.title, Producer: 'Электронный журнал', Creator: 'Электронный журнал' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc.registerFont(REGULAR, join(FONT_DIR, 'DejaVuSansCondensed.ttf'));
  doc.registerFont(BOLD, join(FONT_DIR, 'DejaVuSansCondensed-Bold.ttf'));
  draw(doc);
  numberPages(doc, options.margin);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

/** «Стр. 2 из 6» at the foot of every page. */
function numberPages(doc: PdfDoc, margin: number): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    doc.page.margins.bottom = 0;
    doc
      .font(REGULAR)
      .fontSize(8)
      .text(`Стр. ${index + 1} из ${range.count}`, margin, doc.page.height - margin, {
        width: doc.page.width - 2 * margin,
        align: 'center',
        lineBreak: false,
      });
  }
}
