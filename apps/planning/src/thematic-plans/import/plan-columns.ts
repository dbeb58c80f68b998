import type { ColumnSpec } from '#spreadsheet';

/**
 * The columns of a plan file: the titles are those of the export (README.md), the aliases what teachers' Excel plans
 * carry. Only «Тема урока» is required; a plan date column is read, a «факт» date column is not.
 */
export const PLAN_COLUMNS = {
  number: { title: '№', aliases: ['№ п/п', '№ п.п.', 'N', 'No', 'Номер', '№ урока', 'Номер урока', 'Урок №'] },
  title: {
    title: 'Тема урока',
    aliases: [
      'Тема',
      'Темы уроков',
      'Тема занятия',
      'Наименование темы',
      'Название темы',
      'Тема урока (занятия)',
      'Наименование разделов и тем',
      'Раздел, тема урока',
      'Содержание',
      'Содержание (тема урока)',
      'Тема и тип урока',
    ],
  },
  hours: {
    title: 'Кол-во часов',
    aliases: ['Количество часов', 'Кол-во час.', 'Кол-во час', 'Кол. часов', 'Кол-во ч.', 'Часы', 'Часов', 'Час', 'Ч.'],
  },
  date: {
    title: 'Дата',
    aliases: ['Дата по плану', 'Дата (план)', 'Дата план', 'Дата проведения', 'Дата проведения (план)', 'Планируемая дата', 'План', 'Сроки'],
  },
  kind: { title: 'Вид работы', aliases: ['Вид урока', 'Тип урока', 'Форма контроля', 'Вид контроля', 'Контроль'] },
} as const satisfies Record<string, ColumnSpec>;

export type PlanField = keyof typeof PLAN_COLUMNS;
