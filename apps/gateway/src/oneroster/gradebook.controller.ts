import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOAuth2, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  DomainError,
  ErrorCode,
  type GradebookCollection,
  GradebookCategories,
  GradebookCategoryOne,
  GradebookLineItemOne,
  GradebookLineItems,
  GradebookResultOne,
  GradebookResults,
  type OneRosterPage,
  ReportingGradebookRpc,
} from '#contracts';
import { RpcClient } from '#platform';
import { Action } from '../access/action.decorator.js';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway-config.js';
import { CLIENT_CREDENTIALS_SECURITY } from '../openapi/client-credentials-security.js';
import { CollectionQuery, ItemParams, ItemQuery, ONEROSTER_BASE_PATH, pageLinks } from './oneroster.controller.js';
import { REPORT_TIMEOUT_MS } from '../http/report-timeout.js';

export const GRADEBOOK_BASE_PATH = 'ims/oneroster/gradebook/v1p2';

const ClassParams = z.object({ classSourcedId: z.string().min(1).max(100) });
type ClassParams = z.infer<typeof ClassParams>;
const ClassLineItemParams = ClassParams.extend({ lineItemSourcedId: z.string().min(1).max(100) });
type ClassLineItemParams = z.infer<typeof ClassLineItemParams>;
const ClassStudentParams = ClassParams.extend({ studentSourcedId: z.string().min(1).max(100) });
type ClassStudentParams = z.infer<typeof ClassStudentParams>;

const WRAPPERS: Record<GradebookCollection, { many: string; one: string }> = {
  categories: { many: 'categories', one: 'category' },
  lineItems: { many: 'lineItems', one: 'lineItem' },
  results: { many: 'results', one: 'result' },
};

/**
 * The most records one page answers, whatever `limit` asks (a reply is one NATS message of at most 1 MiB; a line item
 * carries the lesson's topic). X-Total-Count and Link follow the limit applied.
 */
export const GRADEBOOK_PAGE_LIMITS: Record<GradebookCollection, number> = { categories: 500, lineItems: 200, results: 500 };

const DELTA =
  "Выгрузка изменений: filter=dateLastModified>'…' — в том числе удалённые записи со status «tobedeleted». " +
  'Страницы: limit (не больше 500 записей, заданий — 200), offset, X-Total-Count и Link; sort, orderBy, fields.';

/** A class scope and the narrower scopes of the class's results. */
interface Scope {
  classSourcedId?: string;
  lineItemSourcedId?: string;
  studentSourcedId?: string;
}

/**
 * OneRoster 1.2 gradebook read endpoints for the municipal portal (R-REP-5), under OAuth2 client credentials with
 * `gradebook.readonly`; a client reads only the schools it was granted. Kinds of work are categories, the marks of a
 * kind of work in a lesson (and a page's period results) are line items, marks and period results are results.
 */
@ApiTags('OneRoster 1.2')
@ApiOAuth2(['gradebook.readonly'], CLIENT_CREDENTIALS_SECURITY)
@Controller(GRADEBOOK_BASE_PATH)
export class GradebookController {
  constructor(
    private readonly rpc: RpcClient,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Get('categories')
  @Action('oneroster.gradebook.categories.read')
  @ApiOperation({ summary: 'OneRoster: категории (виды работ с весами, итоговые отметки)', description: DELTA })
  @ApiOkResponse({ standardSchema: GradebookCategories })
  categories(@Query({ schema: CollectionQuery }) query: CollectionQuery, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.collection('categories', {}, query, request, reply);
  }

  @Get('categories/:sourcedId')
  @Action('oneroster.gradebook.categories.read')
  @ApiOperation({ summary: 'OneRoster: категория' })
  @ApiOkResponse({ standardSchema: GradebookCategoryOne })
  category(@Param({ schema: ItemParams }) params: ItemParams, @Query({ schema: ItemQuery }) query: ItemQuery, @Req() request: FastifyRequest) {
    return this.item('categories', params.sourcedId, query.fields, request);
  }

  @Get('lineItems')
  @Action('oneroster.gradebook.line-items.read')
  @ApiOperation({ summary: 'OneRoster: задания (вид работы на уроке; итог страницы за период или год)', description: DELTA })
  @ApiOkResponse({ standardSchema: GradebookLineItems })
  lineItems(@Query({ schema: CollectionQuery }) query: CollectionQuery, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.collection('lineItems', {}, query, request, reply);
  }

  @Get('lineItems/:sourcedId')
  @Action('oneroster.gradebook.line-items.read')
  @ApiOperation({ summary: 'OneRoster: задание' })
  @ApiOkResponse({ standardSchema: GradebookLineItemOne })
  lineItem(@Param({ schema: ItemParams }) params: ItemParams, @Query({ schema: ItemQuery }) query: ItemQuery, @Req() request: FastifyRequest) {
    return this.item('lineItems', params.sourcedId, query.fields, request);
  }

  @Get('results')
  @Action('oneroster.gradebook.results.read')
  @ApiOperation({ summary: 'OneRoster: результаты (отметки и итоговые отметки)', description: DELTA })
  @ApiOkResponse({ standardSchema: GradebookResults })
  results(@Query({ schema: CollectionQuery }) query: CollectionQuery, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.collection('results', {}, query, request, reply);
  }

  @Get('results/:sourcedId')
  @Action('oneroster.gradebook.results.read')
  @ApiOperation({ summary: 'OneRoster: результат' })
  @ApiOkResponse({ standardSchema: GradebookResultOne })
  result(@Param({ schema: ItemParams }) params: ItemParams, @Query({ schema: ItemQuery }) query: ItemQuery, @Req() request: FastifyRequest) {
    return this.item('results', params.sourcedId, query.fields, request);
  }

  @Get('classes/:classSourcedId/lineItems')
  @Action('oneroster.gradebook.line-items.read')
  @ApiOperation({ summary: 'OneRoster: задания класса (страницы журнала)', description: DELTA })
  @ApiOkResponse({ standardSchema: GradebookLineItems })
  classLineItems(
    @Param({ schema: ClassParams }) params: ClassParams,
    @Query({ schema: CollectionQuery }) query: CollectionQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.collection('lineItems', params, query, request, reply);
  }

  @Get('classes/:classSourcedId/results')
  @Action('oneroster.gradebook.results.read')
  @ApiOperation({ summary: 'OneRoster: результаты класса (страницы журнала)', description: DELTA })
  @ApiOkResponse({ standardSchema: GradebookResults })
  classResults(
    @Param({ schema: ClassParams }) params: ClassParams,
    @Query({ schema: CollectionQuery }) query: CollectionQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.collection('results', params, query, request, reply);
  }

  @Get('classes/:classSourcedId/lineItems/:lineItemSourcedId/results')
  @Action('oneroster.gradebook.results.read')
  @ApiOperation({ summary: 'OneRoster: результаты задания класса', description: DELTA })
  @ApiOkResponse({ standardSchema: GradebookResults })
  classLineItemResults(
    @Param({ schema: ClassLineItemParams }) params: ClassLineItemParams,
    @Query({ schema: CollectionQuery }) query: CollectionQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.collection('results', params, query, request, reply);
  }

  @Get('classes/:classSourcedId/students/:studentSourcedId/results')
  @Action('oneroster.gradebook.results.read')
  @ApiOperation({ summary: 'OneRoster: результаты ученика в классе', description: DELTA })
  @ApiOkResponse({ standardSchema: GradebookResults })
  classStudentResults(
    @Param({ schema: ClassStudentParams }) params: ClassStudentParams,
    @Query({ schema: CollectionQuery }) query: CollectionQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.collection('results', params, query, request, reply);
  }

  private get baseUrl(): string {
    return `${this.config.publicUrl}/${GRADEBOOK_BASE_PATH}`;
  }

  private get rosteringBaseUrl(): string {
    return `${this.config.publicUrl}/${ONEROSTER_BASE_PATH}`;
  }

  /** The client's schools; the policy lets only clients here, this guards against a change of it. */
  private schoolIdsOf(request: FastifyRequest): string[] {
    const principal = request.principal;
    if (principal?.kind !== 'client') throw new DomainError(ErrorCode.Forbidden, 'Доступно только внешним системам по ключу клиента');
    return principal.actor.schoolIds;
  }

  private async collection(
    collection: GradebookCollection,
    scope: Scope,
    query: CollectionQuery,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<Record<string, unknown>> {
    const capped = { ...query, limit: Math.min(query.limit, GRADEBOOK_PAGE_LIMITS[collection]) };
    const page: OneRosterPage = await this.rpc.call(ReportingGradebookRpc.read, {
      collection,
      schoolIds: this.schoolIdsOf(request),
      ...scope,
      ...capped,
      baseUrl: this.baseUrl,
      rosteringBaseUrl: this.rosteringBaseUrl,
    }, { timeoutMs: REPORT_TIMEOUT_MS });
    reply.header('x-total-count', String(page.total));
    const path = [
      ...(scope.classSourcedId ? ['classes', scope.classSourcedId] : []),
      ...(scope.lineItemSourcedId ? ['lineItems', scope.lineItemSourcedId] : []),
      ...(scope.studentSourcedId ? ['students', scope.studentSourcedId] : []),
      collection,
    ].join('/');
    const links = pageLinks(`${this.baseUrl}/${path}`, capped, page.total);
    if (links) reply.header('link', links);
    return { [WRAPPERS[collection].many]: page.records };
  }

  private async item(
    collection: GradebookCollection,
    sourcedId: string,
    fields: string | undefined,
    request: FastifyRequest,
  ): Promise<Record<string, unknown>> {
    const page = await this.rpc.call(ReportingGradebookRpc.read, {
      collection,
      schoolIds: this.schoolIdsOf(request),
      sourcedId,
      limit: 1,
      offset: 0,
      ...(fields !== undefined ? { fields } : {}),
      baseUrl: this.baseUrl,
      rosteringBaseUrl: this.rosteringBaseUrl,
    }, { timeoutMs: REPORT_TIMEOUT_MS });
    return { [WRAPPERS[collection].one]: page.records[0] };
  }
}
