import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { CSRF_HEADER } from '../access/access.guard.js';
import { isApiPath } from '../access/api-path.js';
import { Problem, PROBLEM_CONTENT_TYPE } from '../problem/problem.js';
import { SESSION_COOKIE } from '../session/session-cookie.js';
import { CLIENT_CREDENTIALS_SECURITY, CLIENT_SCOPE_DESCRIPTIONS } from './client-credentials-security.js';
import { inlineJsonSchema } from './inline-json-schema.js';

type ProblemSchema = NonNullable<NonNullable<OpenAPIObject['components']>['schemas']>[string];

const OPERATIONS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** The OpenAPI document of /api/v1: routes from the controllers, schemas from zod, every error as problem+json. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Электронный журнал — API')
    .setDescription(
      'Вход — через поставщика OpenID Connect (/api/v1/auth/login). Сессия — cookie ej_session; каждое изменение ' +
        `требует заголовка ${CSRF_HEADER} со значением csrfToken из GET /api/v1/me. Мобильное приложение входит по ` +
        'OIDC с PKCE (/api/v1/auth/authorize, /api/v1/auth/token) и передаёт Authorization: Bearer; муниципальный ' +
        'портал получает токен по client_credentials. Ошибки — application/problem+json (RFC 9457).',
    )
    .setVersion('1')
    .addCookieAuth(SESSION_COOKIE)
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'Токен мобильного приложения или муниципального портала' })
    .addApiKey({ type: 'apiKey', in: 'header', name: CSRF_HEADER }, 'csrf')
    .addOAuth2(
      { type: 'oauth2', flows: { clientCredentials: { tokenUrl: '/api/v1/auth/token', scopes: CLIENT_SCOPE_DESCRIPTIONS } } },
      CLIENT_CREDENTIALS_SECURITY,
    )
    .build();
  const document = SwaggerModule.createDocument(app, config);
  const problemSchema = inlineJsonSchema(Problem);
  document.components = { ...document.components, schemas: { ...document.components?.schemas, Problem: problemSchema as ProblemSchema } };
  for (const [path, item] of Object.entries(document.paths)) {
    if (!isApiPath(path)) continue;
    for (const method of OPERATIONS) {
      const operation = item[method];
      if (!operation) continue;
      operation.responses.default = {
        description: 'Ошибка (RFC 9457): код в поле code, сообщение для человека в detail',
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } },
      };
    }
  }
  return document;
}
