import { z } from 'zod';
import { Id, PersonalDataLogEntry, PersonalDataStaffMember } from '#contracts';

export const PersonParams = z.object({ personId: Id });
export const SchoolParams = z.object({ schoolId: Id });
export const StaffMemberParams = z.object({ schoolId: Id, personId: Id });

export const StaffInput = z.object({ personId: Id.meta({ description: 'Работник школы' }) }).meta({ id: 'PersonalDataStaffInput' });
export const StaffList = z.object({ staff: z.array(PersonalDataStaffMember) }).meta({ id: 'PersonalDataStaffList' });
export const PersonalDataLogPage = z
  .object({ entries: z.array(PersonalDataLogEntry), next: z.string().nullable() })
  .meta({ id: 'PersonalDataLogPage' });
