import type { ServiceDatabase } from '#platform';
import { BellEntity } from '../bells/bell.entity.js';
import { CurriculumHistoryEntity } from '../curriculum/curriculum-history.entity.js';
import { CurriculumLineEntity } from '../curriculum/curriculum-line.entity.js';
import { LessonChangeEntity } from '../lesson-changes/lesson-change.entity.js';
import { LessonEntity } from '../lessons/lesson.entity.js';
import { PeriodLogEntity } from '../periods/period-log.entity.js';
import { SubjectEntity } from '../subjects/subject.entity.js';
import { PlanRevisionEntity } from '../thematic-plans/plan-revision.entity.js';
import { PlanTopicEntity } from '../thematic-plans/plan-topic.entity.js';
import { ThematicPlanEntity } from '../thematic-plans/thematic-plan.entity.js';
import { TimetableSlotEntity } from '../timetable/timetable-slot.entity.js';
import { AcademicYearEntity } from '../years/academic-year.entity.js';
import { DayOffEntity } from '../years/day-off.entity.js';
import { PeriodEntity } from '../years/period.entity.js';
import { SchoolBreakEntity } from '../years/school-break.entity.js';
import { PlanningInitial1764806400000 } from './migrations/1764806400000-planning-initial.js';
import { PlanningPeriodLogCurriculum1764900000000 } from './migrations/1764900000000-planning-period-log-curriculum.js';
import { PlanningLessonChanges1764900100000 } from './migrations/1764900100000-planning-lesson-changes.js';
import { PlanningThematicPlans1764900200000 } from './migrations/1764900200000-planning-thematic-plans.js';
import { PlanningSchoolTransfer1764901410000 } from './migrations/1764901410000-planning-school-transfer.js';

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
      LessonChangeEntity,
      PeriodLogEntity,
      CurriculumLineEntity,
      CurriculumHistoryEntity,
      ThematicPlanEntity,
      PlanTopicEntity,
      PlanRevisionEntity,
    ],
    migrations: [
      PlanningInitial1764806400000,
      PlanningPeriodLogCurriculum1764900000000,
      PlanningLessonChanges1764900100000,
      PlanningThematicPlans1764900200000,
      PlanningSchoolTransfer1764901410000,
    ],
  };
}
