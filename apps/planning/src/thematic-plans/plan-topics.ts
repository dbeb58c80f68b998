import { randomUUID } from 'node:crypto';
import { DomainError, ErrorCode, type PlanTopic, type PlanTopicInput } from '#contracts';
import { normalizeHeader } from '#spreadsheet';

function refuse(message: string, topicId: string): never {
  throw new DomainError(ErrorCode.ValidationFailed, message, { topicId });
}

/**
 * The topics of a save, numbered in order, each with its stable id (R-PLAN-2, R-PLAN-3):
 * - an input with the id of a topic this page's plan has had keeps it (an id of another plan, or given twice, is refused);
 * - an input without an id takes the id of a current topic with the same title that no other input claims (each once,
 *   in plan order): a re-imported or re-typed plan shows what really changed, and lessons stay linked to their topics;
 * - anything else is a new topic with a new id.
 */
export function numberedTopics(
  inputs: readonly PlanTopicInput[],
  current: readonly PlanTopic[],
  knownIds: ReadonlySet<string>,
): PlanTopic[] {
  const claimed = new Set<string>();
  inputs.forEach((input, index) => {
    if (input.id === undefined) return;
    if (!knownIds.has(input.id)) refuse(`Тема ${index + 1}: такой темы в КТП этой страницы не было`, input.id);
    if (claimed.has(input.id)) refuse(`Тема ${index + 1}: эта тема уже есть в списке`, input.id);
    claimed.add(input.id);
  });
  const byTitle = new Map<string, PlanTopic[]>();
  for (const topic of current) {
    if (claimed.has(topic.id)) continue;
    const key = normalizeHeader(topic.title);
    byTitle.set(key, [...(byTitle.get(key) ?? []), topic]);
  }
  return inputs.map((input, index) => ({
    id: input.id ?? byTitle.get(normalizeHeader(input.title))?.shift()?.id ?? randomUUID(),
    number: index + 1,
    title: input.title,
    hours: input.hours,
    plannedDate: input.plannedDate ?? null,
    kind: input.kind ?? 'lesson',
  }));
}

/** Two lists of topics say the same (ids, order and content): saving one over the other changes nothing. */
export function sameTopics(a: readonly PlanTopic[], b: readonly PlanTopic[]): boolean {
  return (
    a.length === b.length &&
    a.every((topic, index) => {
      const other = b[index]!;
      return (
        topic.id === other.id &&
        topic.title === other.title &&
        topic.hours === other.hours &&
        topic.plannedDate === other.plannedDate &&
        topic.kind === other.kind
      );
    })
  );
}

export function totalHours(topics: readonly PlanTopic[]): number {
  return topics.reduce((sum, topic) => sum + topic.hours, 0);
}
