import { Controller, Get, Param } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { ConsistencyReport, ConsistencyRpc, Id } from '#contracts';
import { RpcClient } from '#platform';
import { Action } from '../access/action.decorator.js';
import type { ResourceLocator } from '../access/resource-locator.js';

const SCHOOL: ResourceLocator = { kind: 'school', param: 'schoolId' };
const SchoolParams = z.object({ schoolId: Id });
/** The check waits for the read model to catch up and counts every measure twice at most: give it time. */
const CHECK_TIMEOUT_MS = 120_000;

/**
 * The read model's consistency check (issue 6, item 7): the school's system administrator or coordinator compares the
 * reports' totals with the services' own counts; reporting runs the check.
 */
@ApiTags('Отчёты')
@ApiCookieAuth()
@Controller('api/v1/schools/:schoolId/consistency')
export class ConsistencyController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @Action('consistency.read', SCHOOL)
  @ApiOperation({
    summary: 'Сверка отчётов с сервисами-источниками',
    description:
      'Итоги отчётной модели школы (классы, группы, зачисления, страницы, уроки, периоды, отметки, темы, итоговые ' +
      'отметки, пропуски по причинам, опоздания) сравниваются с собственными подсчётами сервисов identity, planning, ' +
      'journal и attendance, после того как отчётная модель догнала поток событий. Пустой список differences — ' +
      'расхождений нет. Восстановить модель: `npm run read-model:rebuild`.',
  })
  @ApiOkResponse({ standardSchema: ConsistencyReport })
  check(@Param({ schema: SchoolParams }) { schoolId }: z.infer<typeof SchoolParams>): Promise<ConsistencyReport> {
    return this.rpc.call(ConsistencyRpc.check, { schoolId }, { timeoutMs: CHECK_TIMEOUT_MS });
  }
}
