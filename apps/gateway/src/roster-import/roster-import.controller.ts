import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCookieAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { ROSTER_FILE_TYPES, RosterImportOutcome, RosterImportPreview, RosterImportRpc } from '#contracts';
import { RpcClient } from '#platform';
import { Action } from '../access/action.decorator.js';
import { attachmentDisposition } from './content-disposition.js';
import { ApplyQuery, ExportQuery, ImportQuery, SchoolParams } from './roster-import.views.js';
import { downloadedBytes, ROSTER_UPLOAD_TYPES, rosterUpload } from './roster-upload.js';

const SCHOOL = { kind: 'school', param: 'schoolId' } as const;
/** Reading and planning a whole school's file, and applying it, take longer than an ordinary call. */
const FILE_TIMEOUT_MS = 60_000;
const FILE_BODY = { schema: { type: 'string', format: 'binary' }, description: 'Файл CSV или XLSX целиком' } as const;

/**
 * The roster as files (R-DATA-2): a CSV or XLSX file of students, classes and parents is checked first (dry run,
 * nothing changes), then applied whole or not at all with the digest of the check; the roster is exported in the same
 * format. The file is the request body itself, with its Content-Type and its name in `fileName`. The school's
 * management and system administrator for the whole school; a class teacher for their own class.
 */
@ApiTags('Загрузка и выгрузка состава')
@ApiCookieAuth()
@Controller('api/v1/schools/:schoolId')
export class RosterImportController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('roster-imports/dry-run')
  @HttpCode(200)
  @Action('schools.roster-import', SCHOOL)
  @ApiSecurity('csrf')
  @ApiConsumes(...ROSTER_UPLOAD_TYPES)
  @ApiBody(FILE_BODY)
  @ApiOperation({
    summary: 'Проверить файл состава: что изменится, ошибки по строкам (ничего не меняет)',
    description:
      'Тело запроса — сам файл (CSV в UTF-8 или windows-1251 с «;», «,» или табуляцией, либо XLSX) до 5 МБ. ' +
      'Ответ — план изменений, ошибки и замечания по строкам и отпечаток плана (digest) для применения.',
  })
  @ApiOkResponse({ standardSchema: RosterImportPreview })
  dryRun(
    @Param({ schema: SchoolParams }) { schoolId }: z.infer<typeof SchoolParams>,
    @Query({ schema: ImportQuery }) { fileName, academicYear }: z.infer<typeof ImportQuery>,
    @Headers('content-type') contentType: string | undefined,
    @Body() body: unknown,
  ): Promise<RosterImportPreview> {
    const file = rosterUpload(body, fileName, contentType);
    return this.rpc.call(RosterImportRpc.dryRun, { schoolId, file, ...(academicYear ? { academicYear } : {}) }, { timeoutMs: FILE_TIMEOUT_MS });
  }

  @Post('roster-imports')
  @HttpCode(200)
  @Action('schools.roster-import', SCHOOL)
  @ApiSecurity('csrf')
  @ApiConsumes(...ROSTER_UPLOAD_TYPES)
  @ApiBody(FILE_BODY)
  @ApiOperation({
    summary: 'Применить файл состава целиком (после проверки)',
    description:
      'Тот же файл и отпечаток плана (digest) из ответа проверки. Файл проверяется заново в одной транзакции: при ' +
      'ошибках в строках ничего не меняется (VALIDATION_FAILED), при изменившемся плане — CONFLICT (проверьте файл ' +
      'ещё раз). Повторная загрузка того же файла ничего не меняет.',
  })
  @ApiOkResponse({ standardSchema: RosterImportOutcome })
  apply(
    @Param({ schema: SchoolParams }) { schoolId }: z.infer<typeof SchoolParams>,
    @Query({ schema: ApplyQuery }) { fileName, academicYear, digest }: z.infer<typeof ApplyQuery>,
    @Headers('content-type') contentType: string | undefined,
    @Body() body: unknown,
  ): Promise<RosterImportOutcome> {
    const file = rosterUpload(body, fileName, contentType);
    return this.rpc.call(
      RosterImportRpc.apply,
      { schoolId, file, digest, ...(academicYear ? { academicYear } : {}) },
      { timeoutMs: FILE_TIMEOUT_MS },
    );
  }

  @Get('roster-export')
  @Action('schools.roster-export', SCHOOL)
  @ApiProduces(ROSTER_FILE_TYPES.csv, ROSTER_FILE_TYPES.xlsx)
  @ApiOperation({
    summary: 'Выгрузить состав школы или класса в файл (в формате загрузки)',
    description:
      'Ученики на дату по классам, с родителями. Дата рождения, СНИЛС и документ — только для работников из списка ' +
      'допущенных к персональным данным, телефоны родителей — им и классному руководителю; чтение записывается в ' +
      'журнал. Значения, которые таблица приняла бы за формулу (= + - @), выгружаются как текст.',
  })
  @ApiOkResponse({
    description: 'Файл CSV (UTF-8 с BOM, «;») или XLSX',
    content: {
      [ROSTER_FILE_TYPES.csv]: { schema: { type: 'string', format: 'binary' } },
      [ROSTER_FILE_TYPES.xlsx]: { schema: { type: 'string', format: 'binary' } },
    },
  })
  async export(
    @Param({ schema: SchoolParams }) { schoolId }: z.infer<typeof SchoolParams>,
    @Query({ schema: ExportQuery }) query: z.infer<typeof ExportQuery>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const { format, classId, academicYear, date } = query;
    const file = await this.rpc.call(
      RosterImportRpc.export,
      { schoolId, format, ...(classId ? { classId } : {}), ...(academicYear ? { academicYear } : {}), ...(date ? { date } : {}) },
      { timeoutMs: FILE_TIMEOUT_MS },
    );
    void reply
      .header('content-type', file.contentType ?? 'application/octet-stream')
      .header('content-disposition', attachmentDisposition(file.fileName))
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff');
    return downloadedBytes(file);
  }
}
