import { Clock } from '#platform';

/** A stopped clock that a test moves on, so that digests and retries come due without waiting. */
export class MovableClock extends Clock {
  private instant: Date;

  constructor(start: Date) {
    super();
    this.instant = new Date(start);
  }

  now(): Date {
    return new Date(this.instant);
  }

  set(instant: Date): void {
    this.instant = new Date(instant);
  }

  advance(ms: number): void {
    this.instant = new Date(this.instant.getTime() + ms);
  }
}
