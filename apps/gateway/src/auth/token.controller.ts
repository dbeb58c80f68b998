import { Body, Controller, Headers, HttpCode, Post, Res, UseFilters } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { Action } from '../access/action.decorator.js';
import { RateLimitedByIp } from '../rate-limit/rate-limited-by-ip.decorator.js';
import { TokenStore } from '../tokens/token-store.js';
import { OAuthErrorFilter } from './oauth-error.filter.js';
import { inlineJsonSchema } from '../openapi/inline-json-schema.js';
import { type TokenResponse, TokenGrants } from './token-grants.js';

const TokenRequest = z
  .object({
    grant_type: z.enum(['authorization_code', 'refresh_token', 'client_credentials']),
    code: z.string().optional().meta({ description: 'authorization_code: код из адреса возврата приложения' }),
    redirect_uri: z.string().optional().meta({ description: 'authorization_code: тот же адрес возврата' }),
    code_verifier: z.string().optional().meta({ description: 'authorization_code: PKCE verifier (RFC 7636)' }),
    client_id: z.string().optional().meta({ description: 'Идентификатор приложения или внешней системы' }),
    refresh_token: z.string().optional(),
    client_secret: z.string().optional().meta({ description: 'client_credentials: секрет (или заголовок Authorization: Basic)' }),
    scope: z.string().optional().meta({ description: 'client_credentials: области доступа через пробел' }),
  })
  .meta({ id: 'TokenRequest' });

const TokenAnswer = z
  .object({
    access_token: z.string(),
    token_type: z.literal('Bearer'),
    expires_in: z.number().int(),
    refresh_token: z.string().optional(),
    scope: z.string().optional(),
  })
  .meta({ id: 'TokenResponse' });

const RevokeRequest = z.object({ token: z.string(), token_type_hint: z.string().optional() }).meta({ id: 'RevokeRequest' });

const FORM = 'application/x-www-form-urlencoded';

@ApiTags('Вход')
@Controller('api/v1/auth')
@RateLimitedByIp('token')
@UseFilters(OAuthErrorFilter)
export class TokenController {
  constructor(
    private readonly grants: TokenGrants,
    private readonly tokens: TokenStore,
  ) {}

  @Post('token')
  @HttpCode(200)
  @Action('auth.token')
  @ApiOperation({
    summary: 'Выдать токены (OAuth 2.0): код входа с PKCE, обновление, client credentials',
    description:
      'Мобильное приложение меняет код входа на токен доступа (Authorization: Bearer, ~15 мин) и токен обновления ' +
      '(одноразовый, ~30 дней; повторное предъявление использованного завершает все токены входа). Внешняя система ' +
      '(муниципальный портал) получает токен на час по client_secret_basic или client_secret_post. Ошибки — RFC 6749 §5.2.',
  })
  @ApiConsumes(FORM, 'application/json')
  @ApiBody({ schema: inlineJsonSchema(TokenRequest) })
  @ApiOkResponse({ standardSchema: TokenAnswer })
  async token(
    @Body() body: unknown,
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenResponse> {
    void reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
    return this.grants.grant(body, authorization);
  }

  @Post('revoke')
  @HttpCode(200)
  @Action('auth.revoke')
  @ApiOperation({
    summary: 'Отозвать токен (RFC 7009)',
    description: 'Токен доступа или обновления приложения завершает все токены этого входа. Ответ всегда 200.',
  })
  @ApiConsumes(FORM, 'application/json')
  @ApiBody({ schema: inlineJsonSchema(RevokeRequest) })
  @ApiOkResponse({ description: 'Токен отозван (или уже был недействителен)' })
  async revoke(@Body() body: unknown): Promise<void> {
    const token = (body as { token?: unknown } | null)?.token;
    if (typeof token === 'string') await this.tokens.revoke(token);
  }
}
