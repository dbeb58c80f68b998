// Writes the plan (КТП) files of the import's tests; the files are committed, this records how they were made.
// Run from the repository root:
//   mkdir -p /tmp/fixtures && ln -sfn "$PWD/node_modules" /tmp/fixtures/node_modules &&
//   npx swc apps/planning/src/thematic-plans/import/test-fixtures/make-fixtures.ts -o /tmp/fixtures/plans.mjs &&
//   node /tmp/fixtures/plans.mjs apps/planning/src/thematic-plans/import/test-fixtures
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

const folder = process.argv[2] ?? '.';
const write = (name: string, bytes: Uint8Array): void => writeFileSync(join(folder, name), bytes);

// A teacher's plan as an older Excel saves it: windows-1251, `;`, a title above the header, section rows without a
// number, dates without a year, a «факт» date column and notes, a quoted title with a `;` inside.
const mathPlan = [
  'КАЛЕНДАРНО-ТЕМАТИЧЕСКОЕ ПЛАНИРОВАНИЕ;;;;;',
  'по математике, 5 класс, 2025/2026 учебный год;;;;;',
  ';;;;;',
  '№ п/п;Тема урока;Кол-во часов;Дата по плану;Дата по факту;Примечание',
  ';Раздел 1. Натуральные числа (5 ч);5;;;',
  '1;Повторение курса начальной школы;1;01.09;;',
  '2;"Натуральные числа; шкалы";2;02.09.2025;;',
  '3;Входная контрольная работа;1;03.09;;Диагностика',
  '4;Анализ контрольной работы;1;04.09;;',
  ';Раздел 2. Дроби;;;;',
  '5;Обыкновенные дроби;2;;;',
  '6;Контрольная работа № 1 «Дроби»;1;;;',
];
write('ktp-math-windows-1251.csv', iconv.encode(mathPlan.join('\r\n') + '\r\n', 'win1251'));

// Rows a teacher might get wrong, in UTF-8 with a BOM and `,`: each of the first five rows has one error.
const broken = [
  '№,Тема,Часы,Дата,Вид урока',
  '1,Сложение дробей,"0,5",,',
  '2,Вычитание дробей,1,31.09.2025,',
  '3,Умножение дробей,1,01.06.2026,',
  '4,,1,,',
  '5,Деление дробей,1,,Викторина',
  '6,Смешанные числа,1,08.09.2025,Урок',
];
write('ktp-with-errors-utf8-bom.csv', Buffer.from(`\ufeff${broken.join('\r\n')}\r\n`, 'utf8'));

async function writeWorkbook(): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('КТП');
  sheet.addRow(['Календарно-тематическое планирование по истории, 5А']);
  sheet.addRow(['№', 'Тема урока', 'Количество часов', 'Дата', 'Вид работы']);
  sheet.addRow([1, 'Что изучает история', 1, new Date(Date.UTC(2025, 8, 1)), 'Урок']);
  sheet.addRow([2, 'Древнейшие люди', 2, new Date(Date.UTC(2025, 8, 8)), 'Урок']);
  sheet.addRow([3, 'Первобытное общество', 1, null, 'Контрольная работа']);
  for (const cell of ['D3', 'D4']) sheet.getCell(cell).numFmt = 'dd.mm.yyyy';
  write('ktp-history.xlsx', Buffer.from((await workbook.xlsx.writeBuffer()) as unknown as Uint8Array));
}

await writeWorkbook();
