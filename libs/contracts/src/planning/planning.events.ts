import { z } from 'zod';
import { Id } from '../common/ids.js';
import { defineEvent } from '../common/rpc-definition.js';
import { AcademicYear, Lesson, Subject } from './planning.models.js';

export const PlanningEvents = {
  yearSaved: defineEvent('events.planning.year-saved.v1', AcademicYear),
  subjectsSaved: defineEvent('events.planning.subjects-saved.v1', z.object({ subjects: z.array(Subject) })),
  lessonsScheduled: defineEvent(
    'events.planning.lessons-scheduled.v1',
    z.object({ yearId: Id, lessons: z.array(Lesson) }),
  ),
} as const;
