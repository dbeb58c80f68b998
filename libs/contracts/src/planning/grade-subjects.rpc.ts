import { z } from 'zod';
import { Grade, Id, SubjectCode } from '../common/ids.js';
import { defineRpc } from '../common/rpc-definition.js';
import type { Subject } from './planning.models.js';

/** A subject as a grade has it in a year: whether it is marked comes from the year's curriculum line (R-MARK-1). */
export const GradeSubjectsRpc = {
  /** The school's subject, marked or not in this grade and year, exactly as the year's lessons of the grade see it. */
  get: defineRpc<Subject>()(
    'planning.subjects.of-grade',
    z.object({ yearId: Id, grade: Grade, subjectCode: SubjectCode }),
  ),
} as const;
