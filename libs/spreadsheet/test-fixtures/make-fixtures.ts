// Writes the fixture files of libs/spreadsheet's tests; the files are committed, this records how they were made.
// Run from the repository root:
//   mkdir -p /tmp/fixtures && ln -sfn "$PWD/node_modules" /tmp/fixtures/node_modules &&
//   npx swc libs/spreadsheet/test-fixtures/make-fixtures.ts -o /tmp/fixtures/make.mjs &&
//   node /tmp/fixtures/make.mjs libs/spreadsheet/test-fixtures
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

const folder = process.argv[2] ?? '.';
const write = (name: string, bytes: Uint8Array): void => writeFileSync(join(folder, name), bytes);

// A class list as a Russian Excel saves "CSV (разделители — точки с запятой)" in UTF-8: BOM, `;`, CRLF.
const semicolonRows = [
  'Фамилия;Имя;Отчество;Дата рождения;Класс',
  'Смирнова;Алёна;Игоревна;14.03.2015;4А',
  'Ёлкин;Пётр;;02.11.2014;4А',
  ';;;;',
  'Кузнецов;Артём;Сергеевич;2015-01-30;4Б',
  ';;;;',
  '',
];
write('utf8-bom-semicolon.csv', Buffer.from(`\ufeff${semicolonRows.join('\r\n')}`, 'utf8'));

// The same list as an older Excel or 1C saves it: windows-1251, `;`, a title line above the header.
const cp1251Rows = ['Список класса 4А;;;;', ...semicolonRows];
write('windows-1251-semicolon.csv', iconv.encode(cp1251Rows.join('\r\n'), 'win1251'));

// UTF-8 without a BOM, `,`, quoted fields holding `;`, `,`, doubled quotes and a line break; LF line ends.
const quoted = [
  'Фамилия,Имя,Примечание,Адрес',
  'Орлова,Вера,"переведена из 3Б; приказ № 12","г. Сургут, ул. Ленина, д. 5"',
  'Соколов,Илья,"прозвище ""Соколик""","строка один',
  'строка два"',
  '"Волков",Дмитрий,,',
  '',
].join('\n');
write('utf8-comma-quoted.csv', Buffer.from(quoted, 'utf8'));

async function writeWorkbooks(): Promise<void> {
  const roster = new ExcelJS.Workbook();
  const list = roster.addWorksheet('Класс 4А');
  list.addRow(['Список обучающихся 4А']);
  list.addRow([]);
  list.addRow(['Фамилия', 'Имя', 'Отчество', 'Класс']);
  list.addRow(['Смирнова', 'Алёна', 'Игоревна', '4А']);
  list.addRow(['Ёлкин', 'Пётр', null, '4А']);
  list.addRow([]);
  list.addRow(['  Кузнецов ', 'Артём', 'Сергеевич', '4Б']);
  write('roster.xlsx', Buffer.from((await roster.xlsx.writeBuffer()) as unknown as Uint8Array));

  const dates = new ExcelJS.Workbook();
  const sheet = dates.addWorksheet('Даты');
  sheet.addRow(['Фамилия', 'Дата рождения', 'Класс', 'Примечание']);
  // A date cell formatted as a date; a date left as a serial number in a General cell; a formula; rich text.
  sheet.addRow(['Смирнова', new Date(Date.UTC(2015, 2, 14)), { formula: '"4"&"А"', result: '4А' }, null]);
  sheet.getCell('B2').numFmt = 'dd.mm.yyyy';
  sheet.addRow(['Ёлкин', 41945, '4А', { richText: [{ text: 'жирный ', font: { bold: true } }, { text: 'и обычный' }] }]);
  write('dates.xlsx', Buffer.from((await dates.xlsx.writeBuffer()) as unknown as Uint8Array));
}

await writeWorkbooks();
