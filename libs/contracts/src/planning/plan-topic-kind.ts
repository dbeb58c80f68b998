import { z } from 'zod';

/**
 * What a topic of the calendar-thematic plan is: an ordinary lesson, or an assessment (оценочная процедура) in one of
 * the forms letter СК-228/03 of 2021 counts: контрольная, проверочная, диагностическая работа, контрольный диктант,
 * контрольное сочинение или изложение, итоговый тест или зачёт.
 */
export const PlanTopicKind = z.enum(['lesson', 'control-work', 'verification-work', 'diagnostic-work', 'dictation', 'essay', 'test']);
export type PlanTopicKind = z.infer<typeof PlanTopicKind>;

/** The kinds as teachers write them (the export writes these, the import reads them back). */
export const PLAN_TOPIC_KIND_NAMES: Record<PlanTopicKind, string> = {
  lesson: 'Урок',
  'control-work': 'Контрольная работа',
  'verification-work': 'Проверочная работа',
  'diagnostic-work': 'Диагностическая работа',
  dictation: 'Контрольный диктант',
  essay: 'Контрольное сочинение (изложение)',
  test: 'Итоговый тест (зачёт)',
};

/** Every kind but an ordinary lesson is an assessment (оценочная процедура). */
export function isAssessmentKind(kind: PlanTopicKind): boolean {
  return kind !== 'lesson';
}
