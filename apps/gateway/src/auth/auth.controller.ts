import { Controller, Get, HttpCode, Inject, Post, Query, Req, Res } from '@nestjs/common';
import { ApiFoundResponse, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Action } from '../access/action.decorator.js';
import { TOKEN_SETTINGS } from '../config/auth-settings.js';
import { GATEWAY_CONFIG, type GatewayConfig, type TokenSettings } from '../config/gateway-config.js';
import { RateLimitedByIp } from '../rate-limit/rate-limited-by-ip.decorator.js';
import { CurrentSession } from '../session/current-session.decorator.js';
import type { SignedInSession } from '../session/gateway-session.js';
import { SESSION_COOKIE, sessionCookieOptions } from '../session/session-cookie.js';
import { AuthService } from './auth.service.js';
import { checkAuthorizeRequest } from './mobile-authorization.js';
import { MobileSignIn } from './mobile-sign-in.js';
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
    private readonly mobile: MobileSignIn,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(TOKEN_SETTINGS) private readonly tokenSettings: TokenSettings,
  ) {}

  @Get('login')
  @Action('auth.login')
  @RateLimitedByIp('sign-in')
  @ApiOperation({ summary: 'Начать вход через поставщика OpenID Connect (ЕСИА)' })
  @ApiFoundResponse({ description: 'Переход на страницу входа поставщика' })
  async login(
    @Query({ schema: LoginQuery }) query: z.infer<typeof LoginQuery>,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const returnTo = sameSiteReturnTo(query.returnTo);
    const url = await this.oidc.begin(request, returnTo === undefined ? {} : { returnTo });
    void reply.redirect(url, 302);
  }

  @Get('authorize')
  @Action('auth.authorize')
  @RateLimitedByIp('sign-in')
  @ApiOperation({
    summary: 'Вход мобильного приложения (OAuth 2.0, код с PKCE S256)',
    description:
      'Параметры: response_type=code, client_id, redirect_uri (зарегистрированный адрес приложения), state, ' +
      'code_challenge, code_challenge_method=S256. После входа у поставщика приложение получает одноразовый code ' +
      'на свой адрес возврата и меняет его на токены в POST /api/v1/auth/token.',
  })
  @ApiFoundResponse({ description: 'Переход на страницу входа поставщика или обратно в приложение с ошибкой' })
  async authorize(@Query() query: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const decision = checkAuthorizeRequest(query, this.tokenSettings);
    const url = decision.kind === 'sign-in' ? await this.oidc.begin(request, { mobile: decision.authorization }) : decision.url;
    void reply.redirect(url, 302);
  }

  @Get('callback')
  @Action('auth.callback')
  @RateLimitedByIp('sign-in')
  @ApiOperation({
    summary: 'Возврат от поставщика входа',
    description:
      'Веб: создаёт сессию (cookie ej_session) для известной учётной записи. Мобильное приложение: возвращает его ' +
      'на адрес возврата с одноразовым кодом. Обучающимся вход запрещён.',
  })
  @ApiFoundResponse({ description: 'Вход выполнен: переход по returnTo, на /api/v1/me или в приложение' })
  async callback(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const { subject, snils, returnTo, mobile } = await this.oidc.finish(request);
    if (mobile) {
      void reply.header('cache-control', 'no-store').redirect(await this.mobile.complete(subject, mobile, snils), 302);
      return;
    }
    const signedIn = await this.auth.signIn(subject, snils);
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
