import { IdentityDocument } from '#contracts';

/** The kind given to a document whose kind the file does not say (not a passport or birth certificate by its shape). */
export const UNNAMED_DOCUMENT = 'Документ, удостоверяющий личность';

/**
 * A document as a roster file writes it (series and number) in the form identity keeps it: a passport of the Russian
 * Federation or a birth certificate when the text has their shape (kept in their usual form), otherwise a document of
 * another kind with the text as its number. Undefined when it fits none (a number longer than identity keeps).
 */
export function identityDocumentOf(text: string): IdentityDocument | undefined {
  for (const type of ['passport-rf', 'birth-certificate'] as const) {
    const parsed = IdentityDocument.safeParse({ type, number: text });
    if (parsed.success) return parsed.data;
  }
  const other = IdentityDocument.safeParse({ type: 'other', name: UNNAMED_DOCUMENT, number: text });
  return other.success ? other.data : undefined;
}

/**
 * A stored document as the import compares it and the export writes it: its series and number, compared in
 * documentKey form, so «IV-ПК № 123456» in a file is the stored birth certificate «IV-ПК 123456».
 */
export function documentText(document: IdentityDocument): string {
  return document.number;
}
