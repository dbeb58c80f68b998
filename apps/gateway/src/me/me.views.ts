import { z } from 'zod';
import { Child, Id, LessonTime, LocalDate, PersonName, RoleGrant, SchoolClass, SubjectCode } from '#contracts';

export const MeView = z
  .object({
    accountId: Id,
    personId: Id,
    name: PersonName,
    grants: z.array(RoleGrant),
    csrfToken: z.string().meta({ description: 'Передавайте в заголовке x-csrf-token при каждом изменении' }),
    classesLed: z.array(SchoolClass).meta({ description: 'Классы, где человек — классный руководитель' }),
    children: z.array(Child).meta({ description: 'Дети (для родителя)' }),
  })
  .meta({ id: 'Me' });
export type MeView = z.infer<typeof MeView>;

export const TeacherLesson = z
  .object({
    lessonId: Id,
    date: LocalDate,
    lessonNumber: z.number().int(),
    startsAt: LessonTime,
    endsAt: LessonTime,
    subjectCode: SubjectCode,
    subjectName: z.string(),
    classId: Id,
    className: z.string(),
    groupName: z.string().nullable(),
    substitution: z.boolean().meta({ description: 'Урок чужой страницы, на который назначена замена' }),
  })
  .meta({ id: 'TeacherLesson' });
export type TeacherLesson = z.infer<typeof TeacherLesson>;

export const MyLessonsQuery = z.object({ date: LocalDate.optional().meta({ description: 'По умолчанию — сегодня в часовом поясе школы' }) });
