import { Clock } from '#platform';
import { TEST_NOW } from '#testing';

/** A clock a test moves: "now" is the instant last set (TEST_NOW until then). */
export class SettableClock extends Clock {
  private instant = TEST_NOW;

  set(instant: Date | string): void {
    this.instant = new Date(instant);
  }

  now(): Date {
    return new Date(this.instant);
  }
}
