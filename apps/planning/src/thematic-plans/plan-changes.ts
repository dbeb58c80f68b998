import type { PlanChanges, PlanTopic, PlanTopicField } from '#contracts';

const FIELDS: readonly PlanTopicField[] = ['title', 'hours', 'plannedDate', 'kind'];

/**
 * What `after` changed against `before`, topic by topic by the stable topic id (R-PLAN-2): topics added, removed, and
 * kept with another title, hours, date or kind. A topic that only moved (its number changed) is not a change.
 */
export function planChanges(before: readonly PlanTopic[], after: readonly PlanTopic[]): PlanChanges {
  const earlier = new Map(before.map((topic) => [topic.id, topic]));
  const later = new Set(after.map((topic) => topic.id));
  const changes: PlanChanges = { added: [], removed: before.filter((topic) => !later.has(topic.id)), changed: [] };
  for (const topic of after) {
    const old = earlier.get(topic.id);
    if (!old) {
      changes.added.push(topic);
      continue;
    }
    const fields = FIELDS.filter((field) => old[field] !== topic[field]);
    if (fields.length > 0) changes.changed.push({ topicId: topic.id, before: old, after: topic, fields });
  }
  return changes;
}
