import { Module } from '@nestjs/common';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { OidcLogin } from './oidc-login.js';
import { oidcStrategyProvider } from './oidc-strategy.factory.js';

@Module({
  controllers: [AuthController],
  providers: [AuthService, OidcLogin, oidcStrategyProvider],
})
export class AuthModule {}
