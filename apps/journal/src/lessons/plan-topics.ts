import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, type PlanTopic, ThematicPlanRpc } from '#contracts';
import { RpcClient } from '#platform';

/** The topics of the plan (КТП) of a lesson's page, as planning keeps them (R-PLAN-3). */
@Injectable()
export class PlanTopics {
  constructor(private readonly rpc: RpcClient) {}

  /** The topic of the lesson's page's plan with this id; VALIDATION_FAILED when the plan has no such topic. */
  async find(lessonId: string, pageId: string, topicId: string): Promise<PlanTopic> {
    const plan = await this.rpc.call(ThematicPlanRpc.lessonTopics, { lessonId });
    const topic = plan.pageId === pageId ? plan.topics.find((candidate) => candidate.id === topicId) : undefined;
    if (!topic) throw new DomainError(ErrorCode.ValidationFailed, 'Такой темы нет в КТП этой страницы журнала', { planTopicId: topicId });
    return topic;
  }
}
