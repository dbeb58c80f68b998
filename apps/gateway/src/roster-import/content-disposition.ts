const TRANSLITERATION: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k', л: 'l', м: 'm', н: 'n',
  о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y',
  ь: '', э: 'e', ю: 'iu', я: 'ia',
};

/** The name in plain ASCII for clients that do not read `filename*`: Cyrillic transliterated, anything else `_`. */
function asciiName(fileName: string): string {
  return [...fileName]
    .map((char) => {
      const lower = char.toLowerCase();
      const latin = TRANSLITERATION[lower];
      if (latin !== undefined) return char === lower ? latin : latin.charAt(0).toUpperCase() + latin.slice(1);
      return /^[\x20-\x7e]$/.test(char) && !'"\\%'.includes(char) ? char : '_';
    })
    .join('');
}

/** RFC 5987 ext-value: UTF-8, percent-encoded, with only attr-chars left as they are. */
function extValue(fileName: string): string {
  return `UTF-8''${encodeURIComponent(fileName).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/** A download with a Russian file name (RFC 6266): an ASCII `filename` and the real one in `filename*` (RFC 5987). */
export function attachmentDisposition(fileName: string): string {
  return `attachment; filename="${asciiName(fileName)}"; filename*=${extValue(fileName)}`;
}
