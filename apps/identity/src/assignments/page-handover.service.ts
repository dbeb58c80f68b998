import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError, ErrorCode, IdentityEvents, type IdentityRpc, type Page, type RpcRequest } from '#contracts';
import { OutboxWriter } from '#platform';
import { AccessFactsService } from '../access/access-facts.service.js';
import { assertCallerMay } from '../access/caller-may.js';
import { scopedQuery } from '../database/scoped-query.js';
import { bulkUpsert } from '../loading/bulk-upsert.js';
import { PageAssignmentEntity } from '../pages/page-assignment.entity.js';
import { PAGE_COLUMNS, PAGE_FROM, type PageRow, toPage } from '../pages/page-rows.js';
import { assertTeachesAt } from './assert-teaches-at.js';
import { handedOverAssignments, sameAssignments } from './handed-over-assignments.js';

export const pageNotFound = () => new DomainError(ErrorCode.NotFound, 'Страница журнала не найдена');
export const notYourSchoolsLoad = () =>
  new DomainError(ErrorCode.Forbidden, 'Распределять нагрузку могут заместитель директора и директор школы');

/** Hands journal pages over from one teacher to another on a date (R-ACC-3). */
@Injectable()
export class PageHandoverService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly access: AccessFactsService,
  ) {}

  /**
   * From `from` on the page is the new teacher's: earlier assignments end the day before and their entries stay
   * (reads are per page, so the new teacher sees the predecessor's topics and marks). Handing a page to the teacher
   * who already has it changes nothing and writes no event.
   */
  async handOver({ pageId, teacherId, from }: RpcRequest<typeof IdentityRpc.handOverPage>): Promise<Page> {
    const facts = await this.access.ofCaller({ type: 'page', id: pageId, date: from });
    assertCallerMay('pages.assign', facts, pageNotFound, notYourSchoolsLoad);
    return this.dataSource.transaction(async (manager) => {
      const before = await this.lockedPage(manager, pageId);
      await assertTeachesAt(manager, teacherId, before.schoolId);
      const assignments = handedOverAssignments(before.assignments, teacherId, from);
      if (sameAssignments(assignments, before.assignments)) return before;

      await scopedQuery(manager, 'DELETE FROM page_assignment WHERE page_id = $1', [pageId]);
      await bulkUpsert(
        manager,
        PageAssignmentEntity,
        assignments.map((assignment) => ({ pageId, ...assignment })),
        { conflict: ['page_id', 'teacher_id', 'date_from'], overwrite: [], returning: ['page_id'] },
      );
      const page: Page = { ...before, assignments };
      await this.outbox.append(manager, IdentityEvents.pagesSaved, {
        pages: [
          {
            pageId,
            schoolId: page.schoolId,
            classId: page.classId,
            groupId: page.groupId,
            subjectCode: page.subjectCode,
            assignments,
          },
        ],
      });
      const previousTeacherIds = [
        ...new Set(
          before.assignments
            .filter((assignment) => assignment.teacherId !== teacherId && (assignment.to === null || assignment.to >= from))
            .map((assignment) => assignment.teacherId),
        ),
      ];
      await this.outbox.append(manager, IdentityEvents.pageHandedOver, {
        pageId,
        schoolId: page.schoolId,
        teacherId,
        from,
        previousTeacherIds,
      });
      return page;
    });
  }

  /** The page with its assignments, locked against a concurrent handover. */
  private async lockedPage(manager: EntityManager, pageId: string): Promise<Page> {
    await scopedQuery(manager, 'SELECT id FROM page WHERE id = $1 FOR UPDATE', [pageId]);
    const [row] = await scopedQuery<PageRow>(manager, `SELECT ${PAGE_COLUMNS} FROM ${PAGE_FROM} WHERE p.id = $1`, [pageId]);
    if (!row) throw pageNotFound();
    return toPage(row);
  }
}
