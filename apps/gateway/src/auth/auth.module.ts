import { Module } from '@nestjs/common';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { AuthorizationCodes } from './authorization-codes.js';
import { MobileSignIn } from './mobile-sign-in.js';
import { OidcLogin } from './oidc-login.js';
import { oidcStrategyProvider } from './oidc-strategy.factory.js';
import { TokenController } from './token.controller.js';
import { TokenGrants } from './token-grants.js';

@Module({
  controllers: [AuthController, TokenController],
  providers: [AuthService, OidcLogin, oidcStrategyProvider, AuthorizationCodes, MobileSignIn, TokenGrants],
})
export class AuthModule {}
