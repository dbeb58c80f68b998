import { z } from 'zod';
import { AcademicYearLabel, Id, PersonName, RosterClass, RosterRequest, RosterRequestStatus } from '#contracts';

export const SchoolParams = z.object({ schoolId: Id });
export const ClassParams = z.object({ classId: Id });
export const GroupParams = z.object({ classId: Id, groupId: Id });
export const EnrollmentParams = z.object({ classId: Id, enrollmentId: Id });
export const RequestParams = z.object({ classId: Id, requestId: Id });
export const StudentParams = z.object({ studentId: Id });
export const GuardianParams = z.object({ studentId: Id, parentId: Id });
export const PersonParams = z.object({ personId: Id });

export const ClassesQuery = z.object({
  academicYear: AcademicYearLabel.optional().meta({ description: 'Учебный год, например 2026/2027' }),
  includeArchived: z.enum(['true', 'false']).optional().meta({ description: 'Показать и классы в архиве' }),
});
export const RequestsQuery = z.object({ status: RosterRequestStatus.optional() });

export const ClassList = z.object({ classes: z.array(RosterClass) }).meta({ id: 'ClassList' });
export const RequestList = z.object({ requests: z.array(RosterRequest) }).meta({ id: 'RosterRequestList' });
export const GuardianInput = z.object({ parentId: Id.meta({ description: 'Родитель (законный представитель)' }) }).meta({ id: 'GuardianInput' });
export const Guardians = z.object({ parentIds: z.array(Id) }).meta({ id: 'Guardians' });
export const ArchivedStudent = z.object({ studentId: Id, archived: z.literal(true) }).meta({ id: 'ArchivedStudent' });
export const NameInput = z.object({ name: PersonName }).meta({ id: 'NameInput' });
