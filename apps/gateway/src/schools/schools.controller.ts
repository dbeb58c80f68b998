import { Controller, Get, Param } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { DomainError, ErrorCode, Id, IdentityRpc, WorkKind } from '#contracts';
import { RpcClient } from '#platform';
import { Action } from '../access/action.decorator.js';
import { rolesAllowed } from '../access/permission-table.js';
import { CurrentSession } from '../session/current-session.decorator.js';
import type { SignedInSession } from '../session/gateway-session.js';

const SchoolParams = z.object({ schoolId: Id });
const WorkKindsView = z.object({ schoolId: Id, workKinds: z.array(WorkKind) }).meta({ id: 'WorkKinds' });
type WorkKindsView = z.infer<typeof WorkKindsView>;

@ApiTags('Школы')
@ApiCookieAuth()
@Controller('api/v1/schools/:schoolId')
export class SchoolsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('work-kinds')
  @Action('schools.work-kinds.read')
  @ApiOperation({ summary: 'Виды работ школы и их веса (для выставления отметок)' })
  @ApiOkResponse({ standardSchema: WorkKindsView })
  async workKinds(
    @CurrentSession() { session }: SignedInSession,
    @Param({ schema: SchoolParams }) params: z.infer<typeof SchoolParams>,
  ): Promise<WorkKindsView> {
    const allowed = rolesAllowed('schools.work-kinds.read');
    const worksThere = session.grants.some((grant) => grant.schoolId === params.schoolId && allowed.includes(grant.role));
    if (!worksThere) throw new DomainError(ErrorCode.NotFound, 'Школа не найдена');
    const school = await this.rpc.call(IdentityRpc.getSchool, { schoolId: params.schoolId });
    return { schoolId: school.id, workKinds: school.workKinds };
  }
}
