const CANDIDATES = [';', '\t', ','] as const;
export type Separator = (typeof CANDIDATES)[number];

/** How many times the separator stands outside double quotes in the line. */
function countOutsideQuotes(line: string, separator: string): number {
  let count = 0;
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (char === separator && !quoted) count += 1;
  }
  return count;
}

/**
 * The separator of a CSV text, judged by its header: the first line holding any candidate outside quotes (a title
 * above the header may hold none). Data lines are not consulted: an address in a `;` file may hold more commas than
 * the header holds semicolons. On a tie `;` goes before tab before `,`, as a Russian Excel writes `;`.
 */
export function detectSeparator(text: string): Separator {
  const lines = text.split(/\r\n|\n|\r/, 20);
  for (const line of lines) {
    let best: Separator | undefined;
    let bestCount = 0;
    for (const candidate of CANDIDATES) {
      const count = countOutsideQuotes(line, candidate);
      if (count > bestCount) {
        best = candidate;
        bestCount = count;
      }
    }
    if (best) return best;
  }
  return ';';
}
