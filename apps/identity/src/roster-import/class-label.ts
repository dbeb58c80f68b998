/** A class as a file names it: its grade and letter. */
export interface ClassLabel {
  grade: number;
  letter: string;
}

// Latin letters typed for their Cyrillic twins: «5A» with a Latin A is 5А.
const CYRILLIC_TWINS: Record<string, string> = {
  A: 'А',
  B: 'В',
  C: 'С',
  E: 'Е',
  H: 'Н',
  K: 'К',
  M: 'М',
  O: 'О',
  P: 'Р',
  T: 'Т',
  X: 'Х',
  Y: 'У',
};

const LABEL = /^(\d{1,2})\s*[-–—]?\s*["«]?(\p{L}{1,4})["»]?(?:\s*(?:класс|кл\.?))?$/iu;

/** The letter of a class in the form classes are compared in: upper case, Cyrillic, ё as е. */
export function classLetterKey(letter: string): string {
  return [...letter.toUpperCase()].map((char) => CYRILLIC_TWINS[char] ?? char).join('').replace(/Ё/g, 'Е');
}

/** «5А», «5 а», «5-А», «5 «А» класс», «10ФМ» → grade and letter; undefined for anything else. */
export function parseClassLabel(text: string): ClassLabel | undefined {
  const match = LABEL.exec(text.trim());
  if (!match) return undefined;
  const grade = Number(match[1]);
  if (grade < 1 || grade > 11) return undefined;
  return { grade, letter: classLetterKey(match[2]!) };
}
