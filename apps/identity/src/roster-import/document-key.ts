/**
 * The form in which identity documents are compared: upper case, without spaces, dashes and «№», ё as е.
 * «IV-ПК № 123456» and «ivпк123456» are the same birth certificate.
 */
export function documentKey(document: string): string {
  return document.toUpperCase().replace(/Ё/g, 'Е').replace(/[\s\u00a0\-–—№]/g, '');
}

/** A document as the journal keeps it: as written, with single spaces. */
export function tidyDocument(document: string): string {
  return document.replace(/\s+/g, ' ').trim();
}
