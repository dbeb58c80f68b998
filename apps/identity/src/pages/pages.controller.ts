import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { IdentityRpc, type RpcRequest } from '#contracts';
import { PageContextService } from './page-context.service.js';
import { PagesService } from './pages.service.js';

@Controller()
export class PagesController {
  constructor(
    private readonly pages: PagesService,
    private readonly pageContext: PageContextService,
  ) {}

  @MessagePattern(IdentityRpc.upsertPages.subject)
  upsert(@Payload({ schema: IdentityRpc.upsertPages.request }) request: RpcRequest<typeof IdentityRpc.upsertPages>) {
    return this.pages.upsert(request);
  }

  @MessagePattern(IdentityRpc.pagesOfSchool.subject)
  ofSchool(@Payload({ schema: IdentityRpc.pagesOfSchool.request }) request: RpcRequest<typeof IdentityRpc.pagesOfSchool>) {
    return this.pages.ofSchool(request.schoolId, request.academicYear);
  }

  @MessagePattern(IdentityRpc.pagesOfTeacher.subject)
  ofTeacher(
    @Payload({ schema: IdentityRpc.pagesOfTeacher.request }) request: RpcRequest<typeof IdentityRpc.pagesOfTeacher>,
  ) {
    return this.pages.ofTeacher(request.teacherId, request.date);
  }

  @MessagePattern(IdentityRpc.pageContext.subject)
  context(@Payload({ schema: IdentityRpc.pageContext.request }) request: RpcRequest<typeof IdentityRpc.pageContext>) {
    return this.pageContext.context(request.pageId, request.date, request.lessonId);
  }
}
