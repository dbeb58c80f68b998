import { Controller, Get, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Action } from '../access/action.decorator.js';
import { CurrentSession } from '../session/current-session.decorator.js';
import type { SignedInSession } from '../session/gateway-session.js';
import { MeService } from './me.service.js';
import { MeView, MyLessonsQuery, TeacherLesson } from './me.views.js';

@ApiTags('Я')
@ApiCookieAuth()
@Controller('api/v1/me')
export class MeController {
  constructor(private readonly me: MeService) {}

  @Get()
  @Action('me.read')
  @ApiOperation({ summary: 'Кто вошёл: роли, CSRF-токен, классы (классный руководитель), дети (родитель)' })
  @ApiOkResponse({ standardSchema: MeView })
  read(@CurrentSession() signedIn: SignedInSession): Promise<MeView> {
    return this.me.me(signedIn);
  }

  @Get('lessons')
  @Action('me.lessons.read')
  @ApiOperation({ summary: 'Уроки учителя за день (по умолчанию — сегодня в часовом поясе школы)' })
  @ApiOkResponse({ standardSchema: z.array(TeacherLesson) })
  lessons(
    @CurrentSession() signedIn: SignedInSession,
    @Query({ schema: MyLessonsQuery }) query: z.infer<typeof MyLessonsQuery>,
  ): Promise<TeacherLesson[]> {
    return this.me.lessonsOfDay(signedIn, query.date);
  }
}
