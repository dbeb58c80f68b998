import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Provider } from 'oidc-provider';
import { readBody, sendHtml } from '../http/http-io.js';
import type { UserDirectory } from '../users/user-directory.js';
import { errorPage, loginPage } from './login-page.js';

const INTERACTION_PATH = /^\/interaction\/([\w-]+)(\/login)?$/;

/**
 * The user-facing steps of a sign-in: the login form and its submission. Consent never appears: every registered
 * client is first-party and gets `openid profile` without asking (see the provider's loadExistingGrant).
 */
export class InteractionsHandler {
  constructor(
    private readonly provider: Provider,
    private readonly users: UserDirectory,
  ) {}

  matches(path: string): boolean {
    return INTERACTION_PATH.test(path);
  }

  async handle(request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
    const [, uid = '', submit] = INTERACTION_PATH.exec(path) ?? [];
    const action = `/interaction/${uid}/login`;
    let details;
    try {
      details = await this.provider.interactionDetails(request, response);
    } catch {
      return sendHtml(response, 400, errorPage('Сеанс входа истёк', 'Вернитесь в приложение и начните вход заново.'));
    }
    if (details.uid !== uid || details.prompt.name !== 'login') {
      return sendHtml(response, 400, errorPage('Вход невозможен', 'Неожиданный шаг входа. Начните вход заново.'));
    }
    if (!submit) return sendHtml(response, 200, loginPage({ action }));
    if (request.method !== 'POST') return sendHtml(response, 405, errorPage('Вход невозможен', 'Отправьте форму входа.'));

    const form = new URLSearchParams(await readBody(request));
    const login = form.get('login') ?? '';
    const user = await this.users.authenticate(login, form.get('password') ?? '');
    if (!user) return sendHtml(response, 401, loginPage({ action, login, error: 'Неверный логин или пароль' }));
    await this.provider.interactionFinished(request, response, { login: { accountId: user.subject } }, { mergeWithLastSubmission: false });
  }
}
