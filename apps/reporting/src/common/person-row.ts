import type { PersonName } from '#contracts';

export interface PersonColumns {
  last_name: string;
  first_name: string;
  middle_name: string | null;
}

export function toPersonName(row: PersonColumns): PersonName {
  return { lastName: row.last_name, firstName: row.first_name, middleName: row.middle_name };
}
