/** Every table of the read model: all of it is derived from events and can be dropped and replayed. */
export const READ_MODEL_TABLES = [
  'school',
  'work_kind',
  'person',
  'school_class',
  'class_group',
  'enrollment',
  'group_membership',
  'guardianship',
  'page',
  'subject',
  'academic_year',
  'period',
  'lesson',
  'lesson_content',
  'mark',
  'attendance_entry',
] as const;
