import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOAuth2, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError, ErrorCode, type OneRosterCollection, type OneRosterPage, ReportingOneRosterRpc } from '#contracts';
import { RpcClient } from '#platform';
import { Action } from '../access/action.decorator.js';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway-config.js';
import { CLIENT_CREDENTIALS_SECURITY } from '../openapi/client-credentials-security.js';
import { REPORT_TIMEOUT_MS } from '../http/report-timeout.js';

export const ONEROSTER_BASE_PATH = 'ims/oneroster/rostering/v1p2';

export const CollectionQuery = z.object({
  limit: z.coerce.number().int().min(1).max(10_000).default(100).meta({ description: 'Записей на странице (OneRoster, по умолчанию 100)' }),
  offset: z.coerce.number().int().min(0).default(0),
  sort: z.string().max(100).optional().meta({ description: 'Поле сортировки, например familyName' }),
  orderBy: z.enum(['asc', 'desc']).optional(),
  filter: z
    .string()
    .max(1_000)
    .optional()
    .meta({
      description:
        "Фильтр OneRoster, например dateLastModified>'2026-12-01T00:00:00Z' (выгрузка изменений) или roles.role='teacher'; " +
        'поле, которого нет у записей, — ошибка 400',
    }),
  fields: z.string().max(1_000).optional().meta({ description: 'Поля через запятую' }),
});
export type CollectionQuery = z.infer<typeof CollectionQuery>;
export const ItemParams = z.object({ sourcedId: z.string().min(1).max(100) });
export type ItemParams = z.infer<typeof ItemParams>;
export const ItemQuery = z.object({ fields: z.string().max(1_000).optional() });
export type ItemQuery = z.infer<typeof ItemQuery>;

/** The response's wrapper names of each collection: `{ orgs: [...] }` and `{ org: {...} }`. */
const WRAPPERS: Record<OneRosterCollection, { many: string; one: string }> = {
  orgs: { many: 'orgs', one: 'org' },
  academicSessions: { many: 'academicSessions', one: 'academicSession' },
  courses: { many: 'courses', one: 'course' },
  classes: { many: 'classes', one: 'class' },
  users: { many: 'users', one: 'user' },
  enrollments: { many: 'enrollments', one: 'enrollment' },
};

/**
 * OneRoster 1.2 rostering read endpoints for the municipal portal (R-REP-5), under OAuth2 client credentials with the
 * roster scopes; a client reads only the schools it was granted. Paging answers X-Total-Count and an RFC 8288 Link
 * header (first, prev, next, last).
 */
@ApiTags('OneRoster 1.2')
@ApiBearerAuth()
@ApiOAuth2(['roster.readonly'], CLIENT_CREDENTIALS_SECURITY)
@ApiOAuth2(['roster-core.readonly'], CLIENT_CREDENTIALS_SECURITY)
@Controller(ONEROSTER_BASE_PATH)
export class OneRosterController {
  constructor(
    private readonly rpc: RpcClient,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Get('orgs')
  @Action('oneroster.orgs.read')
  @ApiOperation({ summary: 'OneRoster: организации (школы)' })
  orgs(
    @Query({ schema: CollectionQuery }) query: CollectionQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.collection('orgs', query, request, reply);
  }

  @Get('orgs/:sourcedId')
  @Action('oneroster.orgs.read')
  @ApiOperation({ summary: 'OneRoster: организация' })
  org(
    @Param({ schema: ItemParams }) params: ItemParams,
    @Query({ schema: ItemQuery }) query: ItemQuery,
    @Req() request: FastifyRequest,
  ) {
    return this.item('orgs', params.sourcedId, query.fields, request);
  }

  @Get('academicSessions')
  @Action('oneroster.academic-sessions.read')
  @ApiOperation({ summary: 'OneRoster: учебные годы и периоды' })
  academicSessions(
    @Query({ schema: CollectionQuery }) query: CollectionQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.collection('academicSessions', query, request, reply);
  }

  @Get('academicSessions/:sourcedId')
  @Action('oneroster.academic-sessions.read')
  @ApiOperation({ summary: 'OneRoster: учебный год или период' })
  academicSession(
    @Param({ schema: ItemParams }) params: ItemParams,
    @Query({ schema: ItemQuery }) query: ItemQuery,
    @Req() request: FastifyRequest,
  ) {
    return this.item('academicSessions', params.sourcedId, query.fields, request);
  }

  @Get('courses')
  @Action('oneroster.courses.read')
  @ApiOperation({ summary: 'OneRoster: курсы (предмет в параллели)' })
  courses(
    @Query({ schema: CollectionQuery }) query: CollectionQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.collection('courses', query, request, reply);
  }

  @Get('courses/:sourcedId')
  @Action('oneroster.courses.read')
  @ApiOperation({ summary: 'OneRoster: курс' })
  course(
    @Param({ schema: ItemParams }) params: ItemParams,
    @Query({ schema: ItemQuery }) query: ItemQuery,
    @Req() request: FastifyRequest,
  ) {
    return this.item('courses', params.sourcedId, query.fields, request);
  }

  @Get('classes')
  @Action('oneroster.classes.read')
  @ApiOperation({ summary: 'OneRoster: классы (страницы журнала: класс × предмет × группа)' })
  classes(
    @Query({ schema: CollectionQuery }) query: CollectionQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.collection('classes', query, request, reply);
  }

  @Get('classes/:sourcedId')
  @Action('oneroster.classes.read')
  @ApiOperation({ summary: 'OneRoster: класс (страница журнала)' })
  class(
    @Param({ schema: ItemParams }) params: ItemParams,
    @Query({ schema: ItemQuery }) query: ItemQuery,
    @Req() request: FastifyRequest,
  ) {
    return this.item('classes', params.sourcedId, query.fields, request);
  }

  @Get('users')
  @Action('oneroster.users.read')
  @ApiOperation({ summary: 'OneRoster: пользователи (ученики, учителя, родители; только ФИО)' })
  users(
    @Query({ schema: CollectionQuery }) query: CollectionQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.collection('users', query, request, reply);
  }

  @Get('users/:sourcedId')
  @Action('oneroster.users.read')
  @ApiOperation({ summary: 'OneRoster: пользователь' })
  user(
    @Param({ schema: ItemParams }) params: ItemParams,
    @Query({ schema: ItemQuery }) query: ItemQuery,
    @Req() request: FastifyRequest,
  ) {
    return this.item('users', params.sourcedId, query.fields, request);
  }

  @Get('enrollments')
  @Action('oneroster.enrollments.read')
  @ApiOperation({ summary: 'OneRoster: зачисления учеников и учителей на страницы журнала' })
  enrollments(
    @Query({ schema: CollectionQuery }) query: CollectionQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.collection('enrollments', query, request, reply);
  }

  @Get('enrollments/:sourcedId')
  @Action('oneroster.enrollments.read')
  @ApiOperation({ summary: 'OneRoster: зачисление' })
  enrollment(
    @Param({ schema: ItemParams }) params: ItemParams,
    @Query({ schema: ItemQuery }) query: ItemQuery,
    @Req() request: FastifyRequest,
  ) {
    return this.item('enrollments', params.sourcedId, query.fields, request);
  }

  private get baseUrl(): string {
    return `${this.config.publicUrl}/${ONEROSTER_BASE_PATH}`;
  }

  /** The client's schools; the policy lets only clients here, this guards against a change of it. */
  private schoolIdsOf(request: FastifyRequest): string[] {
    const principal = request.principal;
    if (principal?.kind !== 'client') throw new DomainError(ErrorCode.Forbidden, 'Доступно только внешним системам по ключу клиента');
    return principal.actor.schoolIds;
  }

  private async collection(
    collection: OneRosterCollection,
    query: CollectionQuery,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<Record<string, unknown>> {
    const page: OneRosterPage = await this.rpc.call(ReportingOneRosterRpc.read, {
      collection,
      schoolIds: this.schoolIdsOf(request),
      ...query,
      baseUrl: this.baseUrl,
    }, { timeoutMs: REPORT_TIMEOUT_MS });
    reply.header('x-total-count', String(page.total));
    const links = pageLinks(`${this.baseUrl}/${collection}`, query, page.total);
    if (links) reply.header('link', links);
    return { [WRAPPERS[collection].many]: page.records };
  }

  private async item(
    collection: OneRosterCollection,
    sourcedId: string,
    fields: string | undefined,
    request: FastifyRequest,
  ): Promise<Record<string, unknown>> {
    const page = await this.rpc.call(ReportingOneRosterRpc.read, {
      collection,
      schoolIds: this.schoolIdsOf(request),
      sourcedId,
      limit: 1,
      offset: 0,
      ...(fields !== undefined ? { fields } : {}),
      baseUrl: this.baseUrl,
    }, { timeoutMs: REPORT_TIMEOUT_MS });
    return { [WRAPPERS[collection].one]: page.records[0] };
  }
}

/** RFC 8288 links to the first, previous, next and last pages, keeping the other query parameters. */
export function pageLinks(url: string, query: CollectionQuery, total: number): string | null {
  const { limit, offset } = query;
  const at = (pageOffset: number, rel: string) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && key !== 'offset') params.set(key, String(value));
    }
    params.set('offset', String(pageOffset));
    return `<${url}?${params.toString()}>; rel="${rel}"`;
  };
  const last = total === 0 ? 0 : Math.floor((total - 1) / limit) * limit;
  const links = [at(0, 'first')];
  if (offset > 0) links.push(at(Math.max(0, offset - limit), 'prev'));
  if (offset + limit < total) links.push(at(offset + limit, 'next'));
  links.push(at(last, 'last'));
  return links.join(', ');
}
