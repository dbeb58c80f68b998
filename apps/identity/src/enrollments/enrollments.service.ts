import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { IdentityEvents, type IdentityRpc, type Ok, type RpcRequest } from '#contracts';
import { OutboxWriter, requireSystemActor } from '#platform';
import { saveDatedMemberships } from './save-dated-memberships.js';

/** Who is in which class and group, and when (R-CAL-4). */
@Injectable()
export class EnrollmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  async upsertEnrollments(request: RpcRequest<typeof IdentityRpc.upsertEnrollments>): Promise<Ok> {
    requireSystemActor();
    return this.dataSource.transaction(async (manager) => {
      const changed = await saveDatedMemberships(
        manager,
        'enrollment',
        request.enrollments.map(({ classId, ...period }) => ({ ...period, targetId: classId })),
      );
      if (changed.length > 0) {
        await this.outbox.append(manager, IdentityEvents.enrollmentsSaved, {
          enrollments: changed.map((item) => ({
            enrollmentId: item.id,
            studentId: item.studentId,
            classId: item.targetId,
            from: item.from,
            to: item.to,
          })),
        });
      }
      return { ok: true };
    });
  }

  async upsertGroupMemberships(request: RpcRequest<typeof IdentityRpc.upsertGroupMemberships>): Promise<Ok> {
    requireSystemActor();
    return this.dataSource.transaction(async (manager) => {
      const changed = await saveDatedMemberships(
        manager,
        'group_membership',
        request.memberships.map(({ groupId, ...period }) => ({ ...period, targetId: groupId })),
      );
      if (changed.length > 0) {
        await this.outbox.append(manager, IdentityEvents.groupMembershipsSaved, {
          memberships: changed.map((item) => ({
            membershipId: item.id,
            studentId: item.studentId,
            groupId: item.targetId,
            from: item.from,
            to: item.to,
          })),
        });
      }
      return { ok: true };
    });
  }
}
