import { PLAN_TOPIC_KIND_NAMES, type ThematicPlan } from '#contracts';
import { dateCell, type ExportTable } from '#spreadsheet';
import { PLAN_COLUMNS } from './import/plan-columns.js';

/** A plan as the table its export writes: the columns of the import format, so that an exported plan imports back. */
export function planExportTable(plan: ThematicPlan, subjectName: string): ExportTable {
  return {
    headers: [PLAN_COLUMNS.number.title, PLAN_COLUMNS.title.title, PLAN_COLUMNS.hours.title, PLAN_COLUMNS.date.title, PLAN_COLUMNS.kind.title],
    rows: plan.topics.map((topic) => [
      topic.number,
      topic.title,
      topic.hours,
      topic.plannedDate === null ? null : dateCell(topic.plannedDate),
      PLAN_TOPIC_KIND_NAMES[topic.kind],
    ]),
    sheetName: `КТП ${subjectName} ${plan.className}`,
  };
}

/** «КТП Математика 5А 2025-2026», with the group when the page is a group's. */
export function planFileName(plan: ThematicPlan, subjectName: string): string {
  const group = plan.groupName ? ` (${plan.groupName})` : '';
  return `КТП ${subjectName} ${plan.className}${group} ${plan.academicYear.replace('/', '-')}`;
}
