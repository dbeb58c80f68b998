import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LoggerService } from '@nestjs/common';
import Provider from 'oidc-provider';
import { JsonLogger } from '#platform';
import type { DevIdpOptions, RunningDevIdp } from './dev-idp-options.js';
import { BodyTooLargeError, escapeHtml, sendHtml, sendJson } from './http/http-io.js';
import { InteractionsHandler } from './interactions/interactions.handler.js';
import { providerConfiguration } from './oidc/provider-configuration.js';
import { createRedisConnection, type RedisConnection } from './users/redis-connection.js';
import { UserDirectory } from './users/user-directory.js';
import { UsersAdminHandler } from './users/users-admin.handler.js';

/**
 * Starts the dev OpenID Connect provider (it stands in for ESIA in development and tests): discovery, authorization
 * code flow, a Russian login form, and an admin API for loading test people. Nothing is shared between two started
 * instances, so tests may start several.
 */
export async function startDevIdp(options: DevIdpOptions): Promise<RunningDevIdp> {
  const logger = options.logger === false ? undefined : (options.logger ?? new JsonLogger('dev-idp'));
  const redis = createRedisConnection(options.redis.url);
  redis.on('error', (error: unknown) => {
    logger?.error(`Redis: ${String(error)}`, 'DevIdp');
  });
  await redis.connect();

  // The issuer may name the port the server gets, so routes are attached once it listens.
  const server = createServer();
  const close = async () => {
    if (server.listening) {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    }
    await redis.close();
  };
  try {
    await listen(server, options.port, options.host ?? '127.0.0.1');
    const routes = routesFor(options, server, redis, logger);
    server.on('request', routes.listener);
    logger?.log(`dev IdP is up at ${routes.issuer}`, 'DevIdp');
    return { url: routes.issuer, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The provider for the issuer the server answers at, with the login pages and the admin API in front of it. */
function routesFor(
  options: DevIdpOptions,
  server: Server,
  redis: RedisConnection,
  logger: LoggerService | undefined,
): { issuer: string; listener: RequestListener } {
  const { port } = server.address() as AddressInfo;
  const issuer = options.issuer ?? `http://${options.host ?? '127.0.0.1'}:${port}`;

  const users = new UserDirectory(redis, options.redis.keyPrefix);
  const provider = new Provider(issuer, providerConfiguration(options.clients, users));
  provider.on('server_error', (_ctx: unknown, error: unknown) => {
    logger?.error(`OIDC: ${String(error)}`, 'DevIdp');
  });
  const oidc = provider.callback();
  const admin = new UsersAdminHandler(users, options.adminToken);
  const interactions = new InteractionsHandler(provider, users);

  const listener: RequestListener = (request, response) => {
    const path = new URL(request.url ?? '/', 'http://dev-idp').pathname;
    const handled = admin.matches(path)
      ? admin.handle(request, response, path)
      : interactions.matches(path)
        ? interactions.handle(request, response, path)
        : path === '/health'
          ? health(redis, response)
          : path === '/'
            ? Promise.resolve(sendHtml(response, 200, indexPage(issuer)))
            : undefined;
    if (!handled) return oidc(request, response);
    handled.catch((error: unknown) => failed(error, request, response, logger));
  };
  return { issuer, listener };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

async function health(redis: RedisConnection, response: ServerResponse): Promise<void> {
  const up = await redis.ping().then(
    () => true,
    () => false,
  );
  sendJson(response, up ? 200 : 503, { service: 'dev-idp', status: up ? 'up' : 'down', checks: { redis: up ? 'up' : 'down' } });
}

function failed(error: unknown, request: IncomingMessage, response: ServerResponse, logger: LoggerService | undefined): void {
  if (error instanceof BodyTooLargeError) return sendJson(response, 413, { error: 'body_too_large' });
  logger?.error(`${request.method} ${request.url}: ${String(error)}`, 'DevIdp');
  if (!response.headersSent) sendJson(response, 500, { error: 'server_error' });
  else response.destroy();
}

function indexPage(issuer: string): string {
  const discovery = `${issuer}/.well-known/openid-configuration`;
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Тестовый поставщик входа</title></head>
<body style="font-family: sans-serif; max-width: 40rem; margin: 3rem auto">
<h1>Тестовый поставщик входа (OpenID Connect)</h1>
<p>Заменяет ЕСИА (Госуслуги) при разработке и в тестах. Вход в журнал начинается в самом журнале:
откройте его страницу и нажмите «Войти».</p>
<p>Описание для подключения: <a href="${escapeHtml(discovery)}">${escapeHtml(discovery)}</a></p>
</body></html>`;
}
