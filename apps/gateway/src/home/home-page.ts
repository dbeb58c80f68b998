import { fullName, type Role } from '#contracts';
import type { GatewaySession } from '../session/gateway-session.js';

const ROLE_NAMES: Record<Role, string> = {
  teacher: 'учитель',
  deputy: 'заместитель директора по УР',
  coordinator: 'координатор ИС',
  sysadmin: 'системный администратор',
  director: 'директор',
  parent: 'родитель',
  student: 'обучающийся',
};

/** The small page for people who open the gateway in a browser. */
export function homePage(session: GatewaySession | null): string {
  const body = session
    ? `<p>Вы вошли как <strong>${escapeHtml(fullName(session.name))}</strong>
       (${escapeHtml([...new Set(session.grants.map((grant) => ROLE_NAMES[grant.role]))].join(', ') || 'без ролей')}).</p>
       <p><a href="/api/v1/me">Мои данные</a></p>
       <p><button id="logout" type="button">Выйти</button></p>
       <script>
         document.getElementById('logout').addEventListener('click', async () => {
           await fetch('/api/v1/auth/logout', { method: 'POST', headers: { 'x-csrf-token': ${JSON.stringify(session.csrfToken).replaceAll('<', '\\u003c')} } });
           location.reload();
         });
       </script>`
    : `<p>Вы не вошли в систему.</p><p><a href="/api/v1/auth/login?returnTo=%2F">Войти</a></p>`;
  return `<!DOCTYPE html>
<html lang="ru">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Электронный журнал</title>
  <style>body { font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; }</style>
</head>
<body>
  <h1>Электронный журнал</h1>
  ${body}
  <p><a href="/api/docs">Описание API (Swagger)</a></p>
</body>
</html>`;
}

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}
