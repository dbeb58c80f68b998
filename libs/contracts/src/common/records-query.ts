/** The most lessons one question about what the journal or attendance holds for them may name. */
export const LESSONS_PER_RECORDS_QUERY = 2_000;
