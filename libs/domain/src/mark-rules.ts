/** Marks are not kept in grade 1: only attendance and topics (R-MARK-2). */
export function marksKeptInGrade(grade: number): boolean {
  return grade >= 2;
}

export interface MarkScale {
  min: 1 | 2;
  max: 5;
}

/** The five-point scale 2–5, with 1 where the school enables it (R-MARK-1). */
export function isOnScale(value: number, scale: MarkScale): boolean {
  return Number.isInteger(value) && value >= scale.min && value <= scale.max;
}
