import type { ColumnSpec } from '#spreadsheet';

/** The student's columns of a roster file; the titles are the documented format (README.md), aliases what else comes. */
export const STUDENT_COLUMNS = {
  lastName: { title: 'Фамилия', aliases: ['Фамилия ученика', 'Фамилия обучающегося'] },
  firstName: { title: 'Имя', aliases: ['Имя ученика', 'Имя обучающегося'] },
  middleName: { title: 'Отчество', aliases: ['Отчество ученика', 'Отчество обучающегося'] },
  fullName: {
    title: 'ФИО',
    aliases: ['ФИО ученика', 'ФИО обучающегося', 'Фамилия, имя, отчество', 'Фамилия имя отчество', 'Ученик', 'Обучающийся'],
  },
  birthDate: { title: 'Дата рождения', aliases: ['Дата рождения ученика', 'Д.р.', 'ДР'] },
  className: { title: 'Класс', aliases: ['Класс обучения'] },
  enrolledFrom: { title: 'Дата зачисления', aliases: ['Зачислен с', 'Дата поступления', 'Дата прибытия'] },
  document: {
    title: 'Документ',
    aliases: [
      'Серия и номер документа',
      'Документ (серия и номер)',
      'Документ, удостоверяющий личность',
      'Свидетельство о рождении',
      'Серия и номер свидетельства о рождении',
      'Паспорт',
    ],
  },
  snils: { title: 'СНИЛС', aliases: ['СНИЛС ученика', 'Номер СНИЛС'] },
} as const satisfies Record<string, ColumnSpec>;

export type StudentField = keyof typeof STUDENT_COLUMNS;

export type ParentField = 'lastName' | 'firstName' | 'middleName' | 'fullName' | 'phone';

/** A column about one of a student's parents: which parent (slot) and what of them. */
export interface ParentColumn {
  /** «родитель 1», «родитель 2», «мать», «отец»: columns of one slot describe one person. */
  slot: string;
  field: ParentField;
}

const FIELD_WORDS: Record<string, ParentField> = {
  фамилия: 'lastName',
  имя: 'firstName',
  отчество: 'middleName',
  фио: 'fullName',
  телефон: 'phone',
  тел: 'phone',
  'тел.': 'phone',
  'мобильный телефон': 'phone',
  'контактный телефон': 'phone',
};
const FIELD = '(фамилия|имя|отчество|фио|телефон|тел\\.?|мобильный телефон|контактный телефон)';
const GUARDIAN = '(родитель|родителя|законный представитель|законного представителя|представитель|представителя)';
const MOTHER_OR_FATHER = '(мать|матери|отец|отца)';

const SLOT_FIRST = new RegExp(`^${GUARDIAN}(?: (\\d))?(?:: ${FIELD})?$`);
const FIELD_FIRST = new RegExp(`^${FIELD} ${GUARDIAN}(?: (\\d))?$`);
const PARENT_FIRST = new RegExp(`^${MOTHER_OR_FATHER}(?:: ${FIELD})?$`);
const FIELD_THEN_PARENT = new RegExp(`^${FIELD} ${MOTHER_OR_FATHER}$`);

function parentSlot(word: string): string {
  return word.startsWith('мат') ? 'мать' : 'отец';
}

function field(word: string | undefined): ParentField {
  return word === undefined ? 'fullName' : (FIELD_WORDS[word] ?? 'fullName');
}

/**
 * Reads a normalised header about a parent: «родитель: фамилия», «родитель 2: телефон», «фамилия родителя 2»,
 * «фио матери», «отец: телефон», «законный представитель» (a full name in one column) …; undefined for others.
 */
export function parentColumn(header: string): ParentColumn | undefined {
  let match = SLOT_FIRST.exec(header);
  if (match) return { slot: `родитель ${match[2] ?? '1'}`, field: field(match[3]) };
  match = FIELD_FIRST.exec(header);
  if (match) return { slot: `родитель ${match[3] ?? '1'}`, field: field(match[1]) };
  match = PARENT_FIRST.exec(header);
  if (match) return { slot: parentSlot(match[1]!), field: field(match[2]) };
  match = FIELD_THEN_PARENT.exec(header);
  if (match) return { slot: parentSlot(match[2]!), field: field(match[1]) };
  return undefined;
}
