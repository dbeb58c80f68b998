import { documentKey } from './document-key.js';
import { nameKey } from './person-name-rules.js';
import type { StudentField } from './roster-columns.js';
import type { RosterRow } from './roster-row.js';
import type { SnapshotPerson } from './roster-snapshot.js';
import type { SnapshotIndex } from './snapshot-index.js';

/** Who a row's student is: a person already in the journal, a new person, or a row that cannot tell. */
export type StudentMatch =
  | { kind: 'existing'; person: SnapshotPerson; notes: string[] }
  | { kind: 'new'; notes: string[] }
  | { kind: 'refused'; field: StudentField | null; message: string };

function refused(field: StudentField | null, message: string): StudentMatch {
  return { kind: 'refused', field, message };
}

function differs(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && a !== b;
}

function documentsDiffer(row: RosterRow, person: SnapshotPerson): boolean {
  return row.document !== null && person.document !== null && documentKey(row.document) !== documentKey(person.document);
}

function documentNote(row: RosterRow, person: SnapshotPerson): string[] {
  return documentsDiffer(row, person) ? ['Документ в файле отличается от записанного; записанный оставлен'] : [];
}

/** A person found by SNILS or document must carry the row's name and must not contradict the row. */
function matchByIdentifier(row: RosterRow, index: SnapshotIndex): StudentMatch | undefined {
  const bySnils = row.snils === null ? [] : index.withSnils(row.snils);
  const byDocument = row.document === null ? [] : index.withDocument(documentKey(row.document));
  const key = nameKey(row.name);
  if (bySnils.some((person) => nameKey(person) !== key)) {
    return refused('snils', 'Этот СНИЛС записан в журнале у человека с другими ФИО: проверьте СНИЛС и ФИО');
  }
  if (byDocument.some((person) => nameKey(person) !== key)) {
    return refused('document', 'Этот документ записан в журнале у человека с другими ФИО: проверьте документ и ФИО');
  }
  const found = new Map([...bySnils, ...byDocument].map((person) => [person.id, person]));
  if (found.size > 1) return refused(null, 'СНИЛС и документ записаны в журнале у разных людей: проверьте их');
  const [person] = found.values();
  if (!person) return undefined;
  if (differs(row.birthDate, person.birthDate)) {
    return refused('birthDate', 'Дата рождения не совпадает с записанной у человека с этим СНИЛС или документом');
  }
  if (differs(row.snils, person.snils)) {
    return refused('snils', 'СНИЛС не совпадает с записанным у человека с этим документом');
  }
  return { kind: 'existing', person, notes: documentNote(row, person) };
}

/**
 * Finds the row's student among the journal's people. Namesakes stay apart: the same surname, name and patronymic
 * is the same person only with the same birth date (or SNILS, or document); a different birth date or SNILS is
 * another person. A namesake with nothing to compare is the same person only when already in the row's class;
 * otherwise the row is refused and asks for what tells them apart.
 */
export function matchStudent(row: RosterRow, index: SnapshotIndex, classId: string, date: string): StudentMatch {
  const byIdentifier = matchByIdentifier(row, index);
  if (byIdentifier) return byIdentifier;

  const same: SnapshotPerson[] = [];
  const untold: SnapshotPerson[] = [];
  let namesakes = 0;
  for (const person of index.namesakes(nameKey(row.name))) {
    const sameBirth = row.birthDate !== null && row.birthDate === person.birthDate;
    if (sameBirth && differs(row.snils, person.snils)) {
      return refused('snils', 'ФИО и дата рождения совпадают с человеком в журнале, но СНИЛС другой: проверьте СНИЛС');
    }
    if (sameBirth) same.push(person);
    else if (differs(row.birthDate, person.birthDate) || differs(row.snils, person.snils) || documentsDiffer(row, person)) {
      namesakes += 1;
    } else untold.push(person);
  }

  if (same.length > 1) {
    return refused(null, 'В журнале несколько человек с такими ФИО и датой рождения: обратитесь к администратору');
  }
  if (same[0]) return { kind: 'existing', person: same[0], notes: documentNote(row, same[0]) };
  if (untold.length === 0) {
    const notes = namesakes > 0 ? ['В журнале есть однофамилец с теми же ФИО и другими данными: это другой человек'] : [];
    return { kind: 'new', notes };
  }
  const inClass = untold.filter((person) =>
    index.enrollmentsFrom(person.id, date).some((enrollment) => enrollment.classId === classId),
  );
  if (inClass.length === 1) return { kind: 'existing', person: inClass[0]!, notes: [] };
  if (row.birthDate === null && row.snils === null && row.document === null) {
    return refused('birthDate', 'В журнале уже есть человек с такими же ФИО: укажите дату рождения, чтобы их различить');
  }
  return refused(
    'birthDate',
    'В журнале есть человек с такими же ФИО без записанной даты рождения: не понять, тот же ли это ученик. ' +
      'Запишите ему дату рождения или проверьте ФИО',
  );
}
