import { normalizeHeader } from './normalize-header.js';

/** A column an import expects: its title in the documented format and the other names files give it. */
export interface ColumnSpec {
  title: string;
  aliases?: readonly string[];
}

export interface ColumnMatch<K extends string> {
  /** The normalised header holding each expected column that the file has. */
  found: Partial<Record<K, string>>;
  /** Headers that no spec claims, as normalised. */
  unknown: string[];
}

/** Finds the expected columns among a table's normalised headers by title or alias, compared normalised. */
export function matchColumns<K extends string>(headers: readonly string[], specs: Readonly<Record<K, ColumnSpec>>): ColumnMatch<K> {
  const found: Partial<Record<K, string>> = {};
  const claimed = new Set<string>();
  for (const field of Object.keys(specs) as K[]) {
    const spec = specs[field];
    const names = new Set([spec.title, ...(spec.aliases ?? [])].map(normalizeHeader));
    const header = headers.find((candidate) => names.has(candidate) && !claimed.has(candidate));
    if (header !== undefined) {
      found[field] = header;
      claimed.add(header);
    }
  }
  return { found, unknown: headers.filter((header) => !claimed.has(header)) };
}
