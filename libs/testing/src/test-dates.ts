/** Today and its neighbours for the test clock (TEST_NOW is 3 December 2026, 10:00 in Yekaterinburg). */
export const TODAY = '2026-12-03';
export const YESTERDAY = '2026-12-02';
export const TOMORROW = '2026-12-04';
