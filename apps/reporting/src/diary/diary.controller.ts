import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ReportingRpc, type RpcRequest } from '#contracts';
import { DiaryService } from './diary.service.js';

@Controller()
export class DiaryController {
  constructor(private readonly diary: DiaryService) {}

  @MessagePattern(ReportingRpc.diaryWeek.subject)
  week(@Payload({ schema: ReportingRpc.diaryWeek.request }) request: RpcRequest<typeof ReportingRpc.diaryWeek>) {
    return this.diary.week(request);
  }

  @MessagePattern(ReportingRpc.diaryMarks.subject)
  marks(@Payload({ schema: ReportingRpc.diaryMarks.request }) request: RpcRequest<typeof ReportingRpc.diaryMarks>) {
    return this.diary.marks(request);
  }
}
