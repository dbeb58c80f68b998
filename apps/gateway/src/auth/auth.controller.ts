import { Controller, Get, HttpCode, Inject, Post, Query, Req, Res } from '@nestjs/common';
import { ApiFoundResponse, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Action } from '../access/action.decorator.js';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway-config.js';
import { CurrentSession } from '../session/current-session.decorator.js';
import type { SignedInSession } from '../session/gateway-session.js';
import { SESSION_COOKIE, sessionCookieOptions } from '../session/session-cookie.js';
import { AuthService } from './auth.service.js';
import { OidcLogin } from './oidc-login.js';
import { sameSiteReturnTo } from './return-to.js';

const LoginQuery = z.object({
  returnTo: z.string().max(2_000).optional().meta({ description: 'Путь на этом сайте, куда вернуться после входа' }),
});

const AFTER_LOGIN = '/api/v1/me';

@ApiTags('Вход')
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    private readonly oidc: OidcLogin,
    private readonly auth: AuthService,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Get('login')
  @Action('auth.login')
  @ApiOperation({ summary: 'Начать вход через поставщика OpenID Connect (ЕСИА)' })
  @ApiFoundResponse({ description: 'Переход на страницу входа поставщика' })
  async login(
    @Query({ schema: LoginQuery }) query: z.infer<typeof LoginQuery>,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const url = await this.oidc.begin(request, sameSiteReturnTo(query.returnTo));
    void reply.redirect(url, 302);
  }

  @Get('callback')
  @Action('auth.callback')
  @ApiOperation({
    summary: 'Возврат от поставщика входа',
    description: 'Создаёт сессию (cookie ej_session) для известной учётной записи; обучающимся вход запрещён.',
  })
  @ApiFoundResponse({ description: 'Вход выполнен: переход по returnTo или на /api/v1/me' })
  async callback(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const { subject, returnTo } = await this.oidc.finish(request);
    const signedIn = await this.auth.signIn(subject);
    void reply
      .setCookie(SESSION_COOKIE, signedIn.token, sessionCookieOptions(this.config.cookieSecure))
      .redirect(sameSiteReturnTo(returnTo) ?? AFTER_LOGIN, 302);
  }

  @Post('logout')
  @HttpCode(204)
  @Action('auth.logout')
  @ApiOperation({ summary: 'Выйти: сессия завершается' })
  @ApiNoContentResponse({ description: 'Сессия завершена' })
  async logout(@CurrentSession() signedIn: SignedInSession, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.signOut(signedIn);
    void reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(this.config.cookieSecure));
  }
}
