import { describe, expect, it } from '@jest/globals';
import { ErrorCode } from '#contracts';
import { problemFor } from './problem.js';
import { problemPage, wantsPage } from './problem-page.js';

describe('problems shown to a browser during sign-in', () => {
  it('R-ACC-1: a refused sign-in in a browser is a Russian page, not JSON', () => {
    expect(wantsPage('/api/v1/auth/callback?code=x&state=y', 'text/html,application/xhtml+xml,*/*;q=0.8')).toBe(true);
    const page = problemPage(
      problemFor(ErrorCode.StudentAccessForbidden, 'Обучающимся доступ к электронному журналу запрещён', 'req-1'),
    );
    expect(page).toContain('<html lang="ru">');
    expect(page).toContain('Обучающимся доступ к электронному журналу запрещён');
    expect(page).toContain('STUDENT_ACCESS_FORBIDDEN');
  });

  it('API calls and other routes keep problem+json', () => {
    expect(wantsPage('/api/v1/auth/callback', 'application/json')).toBe(false);
    expect(wantsPage('/api/v1/auth/callback', undefined)).toBe(false);
    expect(wantsPage('/api/v1/me', 'text/html')).toBe(false);
  });

  it('escapes what it shows', () => {
    expect(problemPage(problemFor(ErrorCode.NotFound, '<script>x</script>', 'r'))).not.toContain('<script>x');
  });
});
