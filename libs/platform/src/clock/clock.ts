/** The one source of "now" for every service, so that tests can fix today. */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock stopped at one instant, or running from it when `running` is set (demo deployments). */
export class FixedClock extends Clock {
  private readonly startedAt = Date.now();

  constructor(
    private readonly instant: Date,
    private readonly running = false,
  ) {
    super();
  }

  now(): Date {
    return this.running ? new Date(this.instant.getTime() + (Date.now() - this.startedAt)) : new Date(this.instant);
  }
}

export function clockFromConfig(fixedAt: string | undefined, running = false): Clock {
  return fixedAt ? new FixedClock(new Date(fixedAt), running) : new SystemClock();
}
