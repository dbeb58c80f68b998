import type { z } from 'zod';
import type { PlanningRpc } from '#contracts';

/** The replaceTimetable request after validation: defaults applied. */
export type ReplaceTimetableCommand = z.output<typeof PlanningRpc.replaceTimetable.request>;
export type ClassTimetable = ReplaceTimetableCommand['classes'][number];
export type TimetableSlot = ClassTimetable['slots'][number];
