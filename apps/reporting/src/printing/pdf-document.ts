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

/** A cell's text broken into lines at the font size they are written in. */
export interface FittedText {
  lines: string[];
  size: number;
}

/**
 * Breaks a cell's text (in the current font) into lines no wider than `width`, so that nothing is cut: the size goes
 * down from `size` towards `minSize` until the longest word fits; a word wider even then is split with a hyphen.
 * A "\n" in the text always starts a new line.
 */
export function fitText(doc: PdfDoc, text: string, width: number, size: number, minSize = size): FittedText {
  const words = text.split(/\s+/).filter(Boolean);
  let fontSize = size;
  doc.fontSize(fontSize);
  const widest = () => Math.max(0, ...words.map((word) => doc.widthOfString(word)));
  while (fontSize > minSize && widest() > width) doc.fontSize((fontSize = Math.max(minSize, fontSize - 0.5)));
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const whole of paragraph.split(/\s+/).filter(Boolean)) {
      // The pieces of a split word each start a line of their own.
      hyphenated(doc, whole, width).forEach((word, piece) => {
        const longer = line ? `${line} ${word}` : word;
        if (line && (piece > 0 || doc.widthOfString(longer) > width)) {
          lines.push(line);
          line = word;
        } else {
          line = longer;
        }
      });
    }
    lines.push(line);
  }
  return { lines, size: fontSize };
}

const VOWELS = new Set('аеёиоуыэюяАЕЁИОУЫЭЮЯ');
const NOT_STARTING = new Set('ьъйЬЪЙ');

/**
 * A word as pieces no wider than `width`: split after a hyphen it has, else after a vowel that does not leave «ь», «ъ»
 * or «й» to start the rest (a rough Russian syllable break), else wherever it must; a hyphen marks each added split.
 */
function hyphenated(doc: PdfDoc, word: string, width: number): string[] {
  const pieces: string[] = [];
  let rest = word;
  while (rest.length > 1 && doc.widthOfString(rest) > width) {
    const fits = (end: number) => doc.widthOfString(rest[end - 1] === '-' ? rest.slice(0, end) : `${rest.slice(0, end)}-`) <= width;
    let longest = rest.length - 1;
    while (longest > 1 && !fits(longest)) longest--;
    const afterHyphen = (at: number) => rest[at - 1] === '-';
    const syllable = (at: number) =>
      at >= 2 && rest.length - at >= 2 && VOWELS.has(rest[at - 1]!) && !NOT_STARTING.has(rest[at]!) && !NOT_STARTING.has(rest[at + 1] ?? '');
    const end = lastBreak(longest, afterHyphen) ?? lastBreak(longest, syllable) ?? longest;
    pieces.push(rest[end - 1] === '-' ? rest.slice(0, end) : `${rest.slice(0, end)}-`);
    rest = rest.slice(end);
  }
  return [...pieces, rest];
}

/** The last position from `from` down to 2 that `allowed` accepts. */
function lastBreak(from: number, allowed: (at: number) => boolean): number | null {
  for (let at = from; at >= 2; at--) if (allowed(at)) return at;
  return null;
}

/** Writes fitted lines from `y` down, `lineHeight` apart, inside a box of `width` starting at `x`. */
export function writeLines(doc: PdfDoc, text: FittedText, x: number, y: number, width: number, lineHeight: number, align: 'left' | 'center' | 'right'): void {
  doc.fontSize(text.size);
  text.lines.forEach((line, index) => {
    if (line) doc.text(line, x, y + index * lineHeight, { width, align, lineBreak: false });
  });
}
