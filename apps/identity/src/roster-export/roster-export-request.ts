/** What roster to export, and how much of it the person may see. */
export interface RosterExportRequest {
  schoolId: string;
  academicYear: string;
  /** Students enrolled on this date are listed (the school's today, or a past date). */
  date: string;
  /** One class; without it, every class of the school in the year. */
  classId?: string;
  /** Birth date, SNILS and document: staff on the school's personal-data list only (R-ACC-2). */
  personalData: boolean;
  /** Parents' phones (the first of each): the personal-data list, and a class teacher for their own class. */
  parentContacts: boolean;
}
