import { z } from 'zod';
import { Id } from '../common/ids.js';
import { defineEvent } from '../common/rpc-definition.js';
import { LessonChange } from './lesson-changes.models.js';
import { AcademicYear, Lesson, Period, Subject } from './planning.models.js';
import { CurriculumLine } from './curriculum.rpc.js';
import { PeriodLogEntry } from './periods.rpc.js';
import { ThematicPlanRevised } from './thematic-plan.models.js';

export const PlanningEvents = {
  yearSaved: defineEvent('events.planning.year-saved.v1', AcademicYear),
  subjectsSaved: defineEvent('events.planning.subjects-saved.v1', z.object({ subjects: z.array(Subject) })),
  lessonsScheduled: defineEvent(
    'events.planning.lessons-scheduled.v1',
    z.object({ yearId: Id, lessons: z.array(Lesson) }),
  ),
  /** A period closed or reopened (its `closed` flag now) with the log entry that records it. */
  periodChanged: defineEvent('events.planning.period-changed.v1', z.object({ period: Period, entry: PeriodLogEntry })),
  /** Lines of a school's curriculum added or changed (as they are now). */
  curriculumSaved: defineEvent(
    'events.planning.curriculum-saved.v1',
    z.object({ schoolId: Id, yearId: Id, lines: z.array(CurriculumLine) }),
  ),
  /** A one-off change of one lesson (R-PLAN-3): the change as logged and the lesson as it is now. */
  lessonChanged: defineEvent('events.planning.lesson-changed.v1', z.object({ change: LessonChange, lesson: Lesson })),
  /** Lessons that held nothing, removed from the calendar when it was regenerated after the timetable changed. */
  lessonsRemoved: defineEvent('events.planning.lessons-removed.v1', z.object({ yearId: Id, lessonIds: z.array(Id) })),
  /** A calendar-thematic plan saved as a new revision (R-PLAN-2). */
  thematicPlanRevised: defineEvent('events.planning.thematic-plan-revised.v1', ThematicPlanRevised),
} as const;
