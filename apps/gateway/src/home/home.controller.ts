import { Controller, Get, Header, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Action } from '../access/action.decorator.js';
import { isStudent } from '../access/access.guard.js';
import { SESSION_COOKIE } from '../session/session-cookie.js';
import { SessionStore } from '../session/session.store.js';
import { homePage } from './home-page.js';

@ApiExcludeController()
@Controller()
export class HomeController {
  constructor(private readonly sessions: SessionStore) {}

  @Get()
  @Action('home.read')
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  async home(@Req() request: FastifyRequest): Promise<string> {
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await this.sessions.find(token) : null;
    return homePage(session && !isStudent(session) ? session : null);
  }
}
