import { Body, Controller, Delete, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { Person, RosterRpc, TransferInput, TransferResult } from '#contracts';
import { RpcClient } from '#platform';
import { Action } from '../access/action.decorator.js';
import { ArchivedStudent, GuardianInput, GuardianParams, Guardians, NameInput, PersonParams, StudentParams } from './roster.views.js';

const STUDENT_AS_PERSON = { kind: 'person', param: 'studentId' } as const;

/** Students as people: transfers between classes (R-CAL-4), guardians, archiving, correcting names. */
@ApiTags('Состав классов')
@ApiCookieAuth()
@Controller('api/v1')
export class StudentsRosterController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('students/:studentId/transfer')
  @HttpCode(200)
  @Action('students.transfer', { kind: 'student', param: 'studentId' })
  @ApiSecurity('csrf')
  @ApiOperation({
    summary: 'Перевести ученика в другой класс с даты (R-CAL-4)',
    description:
      'Одним действием: прежнее зачисление и группы прежнего класса заканчиваются накануне, новое начинается в этот ' +
      'день. Отметки и пропуски остаются за учеником и видны в сводной ведомости нового класса.',
  })
  @ApiOkResponse({ standardSchema: TransferResult })
  transfer(
    @Param({ schema: StudentParams }) { studentId }: z.infer<typeof StudentParams>,
    @Body({ schema: TransferInput }) body: z.infer<typeof TransferInput>,
  ): Promise<TransferResult> {
    return this.rpc.call(RosterRpc.transfer, { studentId, ...body });
  }

  @Post('students/:studentId/guardians')
  @HttpCode(200)
  @Action('people.roster.write', STUDENT_AS_PERSON)
  @ApiSecurity('csrf')
  @ApiOperation({ summary: 'Добавить родителя (законного представителя) ученика' })
  @ApiOkResponse({ standardSchema: Guardians })
  addGuardian(
    @Param({ schema: StudentParams }) { studentId }: z.infer<typeof StudentParams>,
    @Body({ schema: GuardianInput }) { parentId }: z.infer<typeof GuardianInput>,
  ): Promise<z.infer<typeof Guardians>> {
    return this.rpc.call(RosterRpc.addGuardian, { studentId, parentId });
  }

  @Delete('students/:studentId/guardians/:parentId')
  @Action('people.roster.write', STUDENT_AS_PERSON)
  @ApiSecurity('csrf')
  @ApiOperation({ summary: 'Прекратить представительство: родитель больше не видит дневник ребёнка' })
  @ApiOkResponse({ standardSchema: Guardians })
  endGuardianship(@Param({ schema: GuardianParams }) params: z.infer<typeof GuardianParams>): Promise<z.infer<typeof Guardians>> {
    return this.rpc.call(RosterRpc.endGuardianship, params);
  }

  @Post('students/:studentId/archive')
  @HttpCode(200)
  @Action('people.roster.write', STUDENT_AS_PERSON)
  @ApiSecurity('csrf')
  @ApiOperation({
    summary: 'Перенести выбывшего ученика в архив',
    description: 'Больше не зачисляется; его отметки, пропуски и история нигде не удаляются.',
  })
  @ApiOkResponse({ standardSchema: ArchivedStudent })
  archive(@Param({ schema: StudentParams }) { studentId }: z.infer<typeof StudentParams>): Promise<z.infer<typeof ArchivedStudent>> {
    return this.rpc.call(RosterRpc.archiveStudent, { studentId });
  }

  @Patch('people/:personId')
  @Action('people.roster.write', { kind: 'person', param: 'personId' })
  @ApiSecurity('csrf')
  @ApiOperation({ summary: 'Исправить фамилию, имя или отчество' })
  @ApiOkResponse({ standardSchema: Person })
  correctName(
    @Param({ schema: PersonParams }) { personId }: z.infer<typeof PersonParams>,
    @Body({ schema: NameInput }) { name }: z.infer<typeof NameInput>,
  ): Promise<Person> {
    return this.rpc.call(RosterRpc.correctName, { personId, name });
  }
}
