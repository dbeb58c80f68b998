/**
 * How long the gateway waits for a report, a printout or a bulk read: these read a whole school's period (hundreds
 * of thousands of marks) where an ordinary request reads one page, so they get their own, longer limit.
 */
export const REPORT_TIMEOUT_MS = 60_000;
