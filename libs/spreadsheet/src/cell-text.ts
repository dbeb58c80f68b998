/** A leading apostrophe that our own exports put before formula-like text (see neutralizeFormula). */
const NEUTRALIZED = /^'(?=[\s\u00a0]*[=+\-@\t\r\n\uff1d\uff0b\uff0d\uff20])/;
const EDGE_SPACE = /^[\s\u00a0\u2007\u202f\ufeff]+|[\s\u00a0\u2007\u202f]+$/g;

/**
 * The text of a cell as an import sees it: trimmed (non-breaking spaces too), and without the apostrophe an export put
 * before formula-like text, so that an exported file reads back as it was written (trimmed, like every cell).
 */
export function cleanCellText(raw: string): string {
  return raw.replace(EDGE_SPACE, '').replace(NEUTRALIZED, '').replace(EDGE_SPACE, '');
}
