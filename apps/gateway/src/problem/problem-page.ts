import type { Problem } from './problem.js';

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/** The same problem as a page, for a person whose browser was sent here during sign-in (no JSON for people). */
export function problemPage(problem: Problem): string {
  return `<!DOCTYPE html>
<html lang="ru">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(problem.title)}</title>
  <style>body { font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; }</style>
</head>
<body>
  <h1>${escapeHtml(problem.title)}</h1>
  <p>${escapeHtml(problem.detail)}</p>
  <p><a href="/">На главную страницу журнала</a></p>
  <p><small>Код: ${escapeHtml(problem.code)}. Номер запроса: ${escapeHtml(problem.requestId)}.</small></p>
</body>
</html>`;
}

/** Sign-in routes are browser navigations; a browser that asks for HTML there gets a page. */
export function wantsPage(url: string, accept: string | undefined): boolean {
  const path = url.split('?')[0];
  const signIn = path === '/api/v1/auth/login' || path === '/api/v1/auth/callback' || path === '/api/v1/auth/authorize';
  return signIn && (accept ?? '').split(',')[0]?.trim().startsWith('text/html') === true;
}
