import { Controller, Get, Param } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Id, IdentityRpc, WorkKind } from '#contracts';
import { RpcClient } from '#platform';
import { Action } from '../access/action.decorator.js';

const SchoolParams = z.object({ schoolId: Id });
const WorkKindsView = z.object({ schoolId: Id, workKinds: z.array(WorkKind) }).meta({ id: 'WorkKinds' });
type WorkKindsView = z.infer<typeof WorkKindsView>;

@ApiTags('Школы')
@ApiCookieAuth()
@Controller('api/v1/schools/:schoolId')
export class SchoolsController {
  constructor(private readonly rpc: RpcClient) {}

  /** The AccessGuard lets only the school's teachers and management through: NOT_FOUND for anyone else. */
  @Get('work-kinds')
  @Action('schools.work-kinds.read', { kind: 'school', param: 'schoolId' })
  @ApiOperation({ summary: 'Виды работ школы и их веса (для выставления отметок)' })
  @ApiOkResponse({ standardSchema: WorkKindsView })
  async workKinds(@Param({ schema: SchoolParams }) params: z.infer<typeof SchoolParams>): Promise<WorkKindsView> {
    const school = await this.rpc.call(IdentityRpc.getSchool, { schoolId: params.schoolId });
    return { schoolId: school.id, workKinds: school.workKinds };
  }
}
