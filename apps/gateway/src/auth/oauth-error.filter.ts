import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { OAuthError } from './oauth-error.js';

/** Answers an OAuthError of the token endpoint in the RFC 6749 §5.2 format; every other error stays problem+json. */
@Catch(OAuthError)
export class OAuthErrorFilter implements ExceptionFilter {
  catch(error: OAuthError, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (reply.sent) return;
    if (error.challenge === 'basic') void reply.header('www-authenticate', 'Basic realm="ejournal", charset="UTF-8"');
    void reply
      .status(error.status)
      .header('cache-control', 'no-store')
      .header('content-type', 'application/json; charset=utf-8')
      .send(JSON.stringify({ error: error.error, error_description: error.message }));
  }
}
