/**
 * Characters a spreadsheet reads as the start of a formula (OWASP CSV injection: = + - @ tab CR), with their
 * full-width forms, and LF, which is what a CR becomes once XLSX's XML is read.
 */
const FORMULA_START = /^[\s\u00a0]*[=+\-@\t\r\n\uff1d\uff0b\uff0d\uff20]/;

/**
 * Text that a spreadsheet would run as a formula gets a leading apostrophe, so that it stays text when the file is
 * opened, and again when the cell is edited. readTable takes the apostrophe off, so exports read back as they were.
 */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
