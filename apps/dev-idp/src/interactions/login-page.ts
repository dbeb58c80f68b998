import { escapeHtml } from '../http/http-io.js';

export interface LoginPageModel {
  action: string;
  login?: string;
  error?: string;
}

/** The sign-in form of the dev IdP: plain HTML, fields named `login` and `password`. */
export function loginPage({ action, login = '', error }: LoginPageModel): string {
  return page(
    'Вход',
    `<h1>Вход в электронный журнал</h1>
    <p class="hint">Учебный поставщик входа для разработки и тестов (вместо ЕСИА).</p>
    ${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
    <form method="post" action="${escapeHtml(action)}">
      <label>Логин <input name="login" autocomplete="username" required autofocus value="${escapeHtml(login)}"></label>
      <label>Пароль <input name="password" type="password" autocomplete="current-password" required></label>
      <button type="submit">Войти</button>
    </form>`,
  );
}

export function errorPage(title: string, message: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>`);
}

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="ru">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(title)}</title>
  <style>
    body { font-family: system-ui, sans-serif; max-width: 24rem; margin: 3rem auto; padding: 0 1rem; }
    label { display: block; margin: 0.75rem 0; }
    input { display: block; width: 100%; padding: 0.4rem; box-sizing: border-box; }
    button { padding: 0.5rem 1.5rem; }
    .error { color: #b00020; }
    .hint { color: #555; font-size: 0.9rem; }
  </style>
</head>
<body>
  ${body}
</body>
</html>`;
}
