// Writes the roster files of the import's tests; the files are committed, this records how they were made.
// Every person in them is invented. Run from the repository root:
//   mkdir -p /tmp/fixtures && ln -sfn "$PWD/node_modules" /tmp/fixtures/node_modules &&
//   npx swc apps/identity/src/roster-import/test-fixtures/make-fixtures.ts -o /tmp/fixtures/roster.mjs &&
//   node /tmp/fixtures/roster.mjs apps/identity/src/roster-import/test-fixtures
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

const folder = process.argv[2] ?? '.';
const write = (name: string, bytes: Uint8Array): void => writeFileSync(join(folder, name), bytes);

const header = [
  'Фамилия',
  'Имя',
  'Отчество',
  'Дата рождения',
  'Класс',
  'СНИЛС',
  'Документ',
  'Родитель 1: фамилия',
  'Родитель 1: имя',
  'Родитель 1: отчество',
  'Родитель 1: телефон',
  'Родитель 2: фамилия',
  'Родитель 2: имя',
  'Родитель 2: отчество',
  'Родитель 2: телефон',
];
// Two namesakes (told apart by birth date), two sisters with one mother (same name and phone), a patronymic-less
// student, a quoted document with a `;` inside.
const students = [
  ['Иванов', 'Иван', 'Иванович', '12.04.2014', '5А', '112-233-445 95', 'IV-ПК № 123456', 'Иванова', 'Мария', 'Петровна', '+7 900 111-22-33', 'Иванов', 'Иван', 'Сергеевич', ''],
  ['Иванов', 'Иван', 'Иванович', '03.09.2013', '5Б', '', '', 'Иванова', 'Ольга', 'Николаевна', '8 (900) 222-33-44', '', '', '', ''],
  ['Ёлкина', 'Алёна', 'Дмитриевна', '21.01.2014', '5А', '', '"II-ПК; 654321"', 'Ёлкина', 'Светлана', 'Юрьевна', '89003334455', '', '', '', ''],
  ['Ёлкина', 'Дарья', 'Дмитриевна', '21.01.2016', '3А', '', '', 'Ёлкина', 'Светлана', 'Юрьевна', '89003334455', '', '', '', ''],
  ['Ли', 'Эрик', '', '30.06.2014', '5А', '', '', '', '', '', '', '', '', '', ''],
];
const csvLines = (rows: string[][]): string => [header, ...rows].map((row) => row.join(';')).join('\r\n') + '\r\n';
write('roster-utf8-bom.csv', Buffer.from(`\ufeff${csvLines(students)}`, 'utf8'));

// The variants schools' systems write, in windows-1251 with a title line: one full-name column, mother and father.
const variants = [
  'Список обучающихся на 01.09.2025;;;;;;',
  'ФИО ученика;Дата рождения;Класс;ФИО матери;Телефон матери;ФИО отца;Телефон отца',
  'Петров Пётр Петрович;2014-05-17;5 а;Петрова Анна Викторовна;+7 (912) 555-66-77;Петров Пётр Ильич;',
  'СМИРНОВА ЕЛЕНА АНДРЕЕВНА;01.12.2013;5-Б;;;;',
  ';;;;;;',
];
write('roster-windows-1251.csv', iconv.encode(variants.join('\r\n') + '\r\n', 'win1251'));

// Rows a school might get wrong: each row has one error; the last row is fine.
const broken = [
  'Фамилия;Имя;Отчество;Дата рождения;Класс;СНИЛС;Родитель: фамилия;Родитель: имя;Родитель: телефон',
  'Сидоров;Олег;Олегович;31.02.2014;5А;;;;',
  'Сидорова;Ольга;;01.03.2014;5Я;;;;',
  'Кузнецов;Артём;Сергеевич;01.03.2014;5А;112-233-445 96;;;',
  ';Никита;;01.03.2014;5А;;;;',
  'Орлов;Глеб;;01.03.2014;5А;;Орлова;;12345',
  'Орлова;Вера;;01.03.14;5А;;;;',
  'Волкова;Мила;;;5Б;;;;',
];
write('roster-with-errors-utf8-bom.csv', Buffer.from(`\ufeff${broken.join('\r\n')}\r\n`, 'utf8'));

async function writeWorkbook(): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Состав');
  sheet.addRow(['Состав классов, 2025/2026']);
  sheet.addRow(['Фамилия', 'Имя', 'Отчество', 'Дата рождения', 'Класс', 'Дата зачисления', 'Родитель: ФИО', 'Родитель: телефон']);
  sheet.addRow(['Захарова', 'Ксения', 'Игоревна', new Date(Date.UTC(2014, 7, 9)), '5А', new Date(Date.UTC(2025, 8, 1)), 'Захаров Игорь Олегович', '+79004445566']);
  sheet.addRow(['Захаров', 'Илья', 'Игоревич', 42064, '3А', null, 'Захаров Игорь Олегович', '+79004445566']);
  for (const cell of ['D3', 'F3']) sheet.getCell(cell).numFmt = 'dd.mm.yyyy';
  write('roster.xlsx', Buffer.from((await workbook.xlsx.writeBuffer()) as unknown as Uint8Array));
}

await writeWorkbook();
