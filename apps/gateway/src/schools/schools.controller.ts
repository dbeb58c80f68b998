import { Body, Controller, Get, Headers, Param, Put, Query, Res } from '@nestjs/common';
import { ApiCookieAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { Id, IdentityRpc, MarkSettings, MarkSettingsChange, MarkSettingsInput, MarkSettingsRpc, WorkKind } from '#contracts';
import { RpcClient } from '#platform';
import { Action } from '../access/action.decorator.js';
import type { ResourceLocator } from '../access/resource-locator.js';
import { LogQuery } from '../admin-accounts/log-query.js';
import { entityTag, expectedVersion } from '../lessons/entity-tag.js';

const SCHOOL: ResourceLocator = { kind: 'school', param: 'schoolId' };
const SchoolParams = z.object({ schoolId: Id });
const WorkKindsView = z.object({ schoolId: Id, workKinds: z.array(WorkKind) }).meta({ id: 'WorkKinds' });
type WorkKindsView = z.infer<typeof WorkKindsView>;
const MarkSettingsLogPage = z
  .object({ entries: z.array(MarkSettingsChange), next: z.string().nullable() })
  .meta({ id: 'MarkSettingsLogPage' });
type MarkSettingsLogPage = z.infer<typeof MarkSettingsLogPage>;

@ApiTags('Школы')
@ApiCookieAuth()
@Controller('api/v1/schools/:schoolId')
export class SchoolsController {
  constructor(private readonly rpc: RpcClient) {}

  /** The AccessGuard lets only the school's teachers and management through: NOT_FOUND for anyone else. */
  @Get('work-kinds')
  @Action('schools.work-kinds.read', SCHOOL)
  @ApiOperation({ summary: 'Виды работ школы и их веса (для выставления отметок)' })
  @ApiOkResponse({ standardSchema: WorkKindsView })
  async workKinds(@Param({ schema: SchoolParams }) params: z.infer<typeof SchoolParams>): Promise<WorkKindsView> {
    const school = await this.rpc.call(IdentityRpc.getSchool, { schoolId: params.schoolId });
    return { schoolId: school.id, workKinds: school.workKinds };
  }

  @Get('mark-settings')
  @Action('schools.mark-settings.read', SCHOOL)
  @ApiOperation({ summary: 'Шкала отметок и виды работ с весами (администрация школы)', description: 'ETag — версия настроек.' })
  @ApiOkResponse({ standardSchema: MarkSettings })
  async markSettings(
    @Param({ schema: SchoolParams }) { schoolId }: z.infer<typeof SchoolParams>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MarkSettings> {
    const settings = await this.rpc.call(MarkSettingsRpc.get, { schoolId });
    void reply.header('etag', entityTag(settings.version));
    return settings;
  }

  @Put('mark-settings')
  @Action('schools.mark-settings.write', SCHOOL)
  @ApiSecurity('csrf')
  @ApiOperation({
    summary: 'Изменить шкалу отметок (с 1 или с 2) и виды работ с весами',
    description:
      'Весь список видов работ. Вид работы узнаётся по коду: его можно переименовать и изменить вес — вес действует на все ' +
      'отметки этого вида при расчёте средних, также поставленные раньше; вид, по которому уже есть отметки, удалить нельзя (409). ' +
      'Без веса отметка считается один раз. Каждое изменение — в журнале изменений.',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'Ожидаемая версия настроек, например "2"' })
  @ApiOkResponse({ standardSchema: MarkSettings })
  async setMarkSettings(
    @Param({ schema: SchoolParams }) { schoolId }: z.infer<typeof SchoolParams>,
    @Body({ schema: MarkSettingsInput }) body: MarkSettingsInput,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MarkSettings> {
    const version = expectedVersion(ifMatch);
    const settings = await this.rpc.call(MarkSettingsRpc.set, {
      schoolId,
      ...body,
      ...(version === undefined ? {} : { expectedVersion: version }),
    });
    void reply.header('etag', entityTag(settings.version));
    return settings;
  }

  @Get('mark-settings/log')
  @Action('schools.mark-settings.log.read', SCHOOL)
  @ApiOperation({ summary: 'Журнал изменений шкалы и видов работ: кто, когда, было, стало, основание (новые сначала)' })
  @ApiOkResponse({ standardSchema: MarkSettingsLogPage })
  markSettingsLog(
    @Param({ schema: SchoolParams }) { schoolId }: z.infer<typeof SchoolParams>,
    @Query({ schema: LogQuery }) query: LogQuery,
  ): Promise<MarkSettingsLogPage> {
    return this.rpc.call(MarkSettingsRpc.log, { schoolId, limit: query.limit, ...(query.before ? { before: query.before } : {}) });
  }
}
