import type { z } from 'zod';
import { LessonColumnInput } from '#contracts';

/** A lesson column as a teacher sends it: topic, homework, marks to add and delete, every student's attendance. */
export const LessonColumnBody = LessonColumnInput.meta({ id: 'LessonColumnInput' });
export type LessonColumnBody = z.infer<typeof LessonColumnBody>;
