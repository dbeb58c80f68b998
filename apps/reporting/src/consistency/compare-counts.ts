import type { ConsistencyCounts, ConsistencyDifference, ConsistencySource } from '#contracts';

/**
 * Every measure of a source on which the read model disagrees with it. Only the source's own measures
 * (`<source>.…`) are compared; a measure one side does not name counts 0 there. Sorted by measure.
 */
export function compareCounts(
  schoolId: string,
  source: ConsistencySource,
  sourceCounts: ConsistencyCounts,
  readModelCounts: ConsistencyCounts,
): ConsistencyDifference[] {
  const ofSource = (counts: ConsistencyCounts) => Object.keys(counts).filter((what) => what.startsWith(`${source}.`));
  const measures = [...new Set([...ofSource(sourceCounts), ...ofSource(readModelCounts)])].sort();
  return measures
    .map((what) => ({ schoolId, source, what, sourceCount: sourceCounts[what] ?? 0, readModelCount: readModelCounts[what] ?? 0 }))
    .filter((difference) => difference.sourceCount !== difference.readModelCount);
}
