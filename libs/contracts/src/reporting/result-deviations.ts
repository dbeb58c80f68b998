import { z } from 'zod';
import { Average } from '../common/average.js';
import { Id, SubjectCode } from '../common/ids.js';
import { PersonName } from '../common/person-name.js';
import { defineRpc } from '../common/rpc-definition.js';
import { ResultTerm, ResultValue } from '../journal/final-results.models.js';

/** A result that differs from the proposal (R-MARK-6), with what the deputy needs to follow it up. */
export const ResultDeviation = z
  .object({
    studentId: Id,
    name: PersonName,
    classId: Id,
    className: z.string(),
    pageId: Id,
    subjectCode: SubjectCode,
    subjectName: z.string(),
    value: ResultValue,
    label: z.string(),
    average: Average.nullable().meta({ description: 'Точный средний балл и предлагаемая отметка; null — отметок нет' }),
    setBy: Id.nullable(),
    setByName: PersonName.nullable(),
    setAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'ResultDeviation' });
export type ResultDeviation = z.infer<typeof ResultDeviation>;

export const ResultDeviations = z
  .object({
    schoolId: Id,
    term: z.object({ kind: ResultTerm, id: Id, nameRu: z.string() }),
    deviations: z.array(ResultDeviation),
  })
  .meta({ id: 'ResultDeviations' });
export type ResultDeviations = z.infer<typeof ResultDeviations>;

/** The deputy's list of results that differ from the proposal, from the read model; callers check who may read it. */
export const ResultDeviationsRpc = {
  ofSchool: defineRpc<ResultDeviations>()(
    'reporting.results.deviations',
    z.object({ schoolId: Id, term: ResultTerm, termId: Id }),
  ),
} as const;
