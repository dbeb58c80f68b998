import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { z } from 'zod';
import { PlanDeliveryRpc, ThematicPlanRpc } from '#contracts';
import { PlanImportService } from './import/plan-import.service.js';
import { PlanExportService } from './plan-export.service.js';
import { PlanDeliveryService } from './plan-delivery.service.js';
import { PlanProgressService } from './plan-progress.service.js';
import { PlanStatusService } from './plan-status.service.js';
import { ThematicPlansService } from './thematic-plans.service.js';

/** A request after validation: defaults applied. */
type Request<K extends keyof typeof ThematicPlanRpc> = z.output<(typeof ThematicPlanRpc)[K]['request']>;

@Controller()
export class ThematicPlansController {
  constructor(
    private readonly plans: ThematicPlansService,
    private readonly imports: PlanImportService,
    private readonly exports: PlanExportService,
    private readonly status: PlanStatusService,
    private readonly progress: PlanProgressService,
    private readonly delivery: PlanDeliveryService,
  ) {}

  @MessagePattern(ThematicPlanRpc.get.subject)
  get(@Payload({ schema: ThematicPlanRpc.get.request }) request: Request<'get'>) {
    return this.plans.get(request.pageId);
  }

  @MessagePattern(ThematicPlanRpc.save.subject)
  save(@Payload({ schema: ThematicPlanRpc.save.request }) request: Request<'save'>) {
    return this.plans.save(request.pageId, request.topics, request.expectedVersion);
  }

  @MessagePattern(ThematicPlanRpc.importPlans.subject)
  importPlans(@Payload({ schema: ThematicPlanRpc.importPlans.request }) request: Request<'importPlans'>) {
    return this.plans.importPlans(request.plans);
  }

  @MessagePattern(ThematicPlanRpc.previewImport.subject)
  previewImport(@Payload({ schema: ThematicPlanRpc.previewImport.request }) request: Request<'previewImport'>) {
    return this.imports.preview(request.pageId, request.file);
  }

  @MessagePattern(ThematicPlanRpc.importFile.subject)
  importFile(@Payload({ schema: ThematicPlanRpc.importFile.request }) request: Request<'importFile'>) {
    return this.imports.importFile(request.pageId, request.file, request.expectedVersion);
  }

  @MessagePattern(ThematicPlanRpc.exportFile.subject)
  exportFile(@Payload({ schema: ThematicPlanRpc.exportFile.request }) request: Request<'exportFile'>) {
    return this.exports.export(request.pageId, request.format);
  }

  @MessagePattern(ThematicPlanRpc.revisions.subject)
  revisions(@Payload({ schema: ThematicPlanRpc.revisions.request }) request: Request<'revisions'>) {
    return this.plans.revisions(request.pageId);
  }

  @MessagePattern(ThematicPlanRpc.revision.subject)
  revision(@Payload({ schema: ThematicPlanRpc.revision.request }) request: Request<'revision'>) {
    return this.plans.revision(request.pageId, request.number);
  }

  @MessagePattern(ThematicPlanRpc.schoolStatus.subject)
  schoolStatus(@Payload({ schema: ThematicPlanRpc.schoolStatus.request }) request: Request<'schoolStatus'>) {
    return this.status.ofSchool(request.schoolId, request.academicYear);
  }

  @MessagePattern(ThematicPlanRpc.progress.subject)
  progressOf(@Payload({ schema: ThematicPlanRpc.progress.request }) request: Request<'progress'>) {
    return this.progress.of(request.pageId, request.periodId);
  }

  @MessagePattern(PlanDeliveryRpc.ofSchool.subject)
  schoolDelivery(@Payload({ schema: PlanDeliveryRpc.ofSchool.request }) request: z.output<typeof PlanDeliveryRpc.ofSchool.request>) {
    return this.delivery.ofSchool(request);
  }

  @MessagePattern(PlanDeliveryRpc.file.subject)
  schoolDeliveryFile(@Payload({ schema: PlanDeliveryRpc.file.request }) request: z.output<typeof PlanDeliveryRpc.file.request>) {
    return this.delivery.file(request);
  }

  @MessagePattern(ThematicPlanRpc.lessonTopics.subject)
  lessonTopics(@Payload({ schema: ThematicPlanRpc.lessonTopics.request }) request: Request<'lessonTopics'>) {
    return this.plans.lessonTopics(request.lessonId);
  }
}
