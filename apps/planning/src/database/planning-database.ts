import type { ServiceDatabase } from '#platform';
import { BellEntity } from '../bells/bell.entity.js';
import { LessonEntity } from '../lessons/lesson.entity.js';
import { SubjectEntity } from '../subjects/subject.entity.js';
import { TimetableSlotEntity } from '../timetable/timetable-slot.entity.js';
import { AcademicYearEntity } from '../years/academic-year.entity.js';
import { DayOffEntity } from '../years/day-off.entity.js';
import { PeriodEntity } from '../years/period.entity.js';
import { SchoolBreakEntity } from '../years/school-break.entity.js';
import { PlanningInitial1764806400000 } from './migrations/1764806400000-planning-initial.js';

export function planningDatabase(url: string): ServiceDatabase {
  return {
    url,
    schema: 'planning',
    entities: [
      AcademicYearEntity,
      PeriodEntity,
      SchoolBreakEntity,
      DayOffEntity,
      SubjectEntity,
      BellEntity,
      TimetableSlotEntity,
      LessonEntity,
    ],
    migrations: [PlanningInitial1764806400000],
  };
}
