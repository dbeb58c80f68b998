/** A class as people write it: grade and letter, "5А". */
export function className(grade: number, letter: string): string {
  return `${grade}${letter}`;
}
