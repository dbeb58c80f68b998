import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'application/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'application/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

/**
 * Serves Swagger UI at `docsPath` for the document at `documentUrl`, from the swagger-ui-dist files that
 * @nestjs/swagger brings (its own UI setup needs @fastify/static, which the project does not install).
 */
export function serveSwaggerUi(app: NestFastifyApplication, docsPath: string, documentUrl: string): void {
  const assetsDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  const fastify = app.getHttpAdapter().getInstance();
  const html = `<!DOCTYPE html>
<html lang="ru">
<head>
  <meta charset="utf-8">
  <title>Электронный журнал — API</title>
  <link rel="stylesheet" href="${docsPath}/swagger-ui.css">
  <link rel="icon" type="image/png" href="${docsPath}/favicon-32x32.png">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="${docsPath}/swagger-ui-bundle.js"></script>
  <script src="${docsPath}/swagger-ui-standalone-preset.js"></script>
  <script src="${docsPath}/swagger-init.js"></script>
</body>
</html>`;
  const init = `window.ui = SwaggerUIBundle({
  url: ${JSON.stringify(documentUrl)},
  dom_id: '#swagger-ui',
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
  layout: 'StandaloneLayout',
  withCredentials: true,
});`;

  fastify.get(docsPath, (_request, reply) => reply.type('text/html; charset=utf-8').send(html));
  fastify.get(`${docsPath}/swagger-init.js`, (_request, reply) => reply.type('application/javascript; charset=utf-8').send(init));
  for (const [file, type] of Object.entries(ASSETS)) {
    fastify.get(`${docsPath}/${file}`, (_request, reply) =>
      reply.type(type).header('cache-control', 'public, max-age=86400').send(createReadStream(join(assetsDir, file))),
    );
  }
}
