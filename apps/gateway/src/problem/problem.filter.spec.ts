import { afterEach, describe, expect, it } from '@jest/globals';
import { type ArgumentsHost, Logger, type LoggerService } from '@nestjs/common';
import { DomainError, ErrorCode } from '#contracts';
import { ProblemFilter } from './problem.filter.js';

/** Captures what the filter logs, at which level. */
class CapturingLogger implements LoggerService {
  readonly lines: Array<{ level: string; message: string }> = [];
  log(message: unknown) { this.lines.push({ level: 'log', message: String(message) }); }
  warn(message: unknown) { this.lines.push({ level: 'warn', message: String(message) }); }
  error(message: unknown) { this.lines.push({ level: 'error', message: String(message) }); }
}

function hostFor(url: string, routeUrl: string) {
  const sent: { status?: number; body?: string } = {};
  const reply = {
    sent: false,
    header: () => reply,
    status: (status: number) => ((sent.status = status), reply),
    send: (body: string) => ((sent.body = body), reply),
  };
  const request = { id: 'req-1', method: 'GET', url, headers: { accept: 'application/json' }, routeOptions: { url: routeUrl } };
  const host = { switchToHttp: () => ({ getRequest: () => request, getResponse: () => reply }) } as unknown as ArgumentsHost;
  return { host, sent };
}

describe('the problem filter', () => {
  afterEach(() => {
    Logger.overrideLogger(false);
  });

  it('logs a service that did not answer in time with the route pattern and subject, never the ids in the address', () => {
    const logger = new CapturingLogger();
    Logger.overrideLogger(logger);
    const classId = '0b7d3c9e-2f41-4a8e-9d55-6c1f7a2b3e90';
    const { host, sent } = hostFor(`/api/v1/classes/${classId}/periods/x/summary?format=pdf`, '/api/v1/classes/:classId/periods/:periodId/summary');
    const unavailable = new DomainError(ErrorCode.ServiceUnavailable, 'Сервис временно недоступен', { subject: 'reporting.performance.class' });

    new ProblemFilter().catch(unavailable, host);

    expect(sent.status).toBe(503);
    const warnings = logger.lines.filter((line) => line.level === 'warn');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toContain('GET /api/v1/classes/:classId/periods/:periodId/summary via reporting.performance.class');
    expect(warnings[0]!.message).toContain('req-1');
    expect(warnings[0]!.message).not.toContain(classId);
  });

  it('does not log refusals people cause (not found, validation)', () => {
    const logger = new CapturingLogger();
    Logger.overrideLogger(logger);
    const { host, sent } = hostFor('/api/v1/classes/x', '/api/v1/classes/:classId');

    new ProblemFilter().catch(new DomainError(ErrorCode.NotFound, 'Класс не найден'), host);

    expect(sent.status).toBe(404);
    expect(logger.lines).toEqual([]);
  });
});
