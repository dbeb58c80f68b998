import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  DomainError,
  ErrorCode,
  IdentityEvents,
  type IdentityRpc,
  type Page,
  type PageAssignment,
  type Person,
  type RpcRequest,
} from '#contracts';
import { OutboxWriter, requireSystemActor } from '#platform';
import { AccessCheck } from '../access/access-check.js';
import { scopedQuery } from '../database/scoped-query.js';
import { assertIdsExist, assertPeriod, assertUniqueKeys } from '../loading/batch-checks.js';
import { bulkUpsert } from '../loading/bulk-upsert.js';
import { resolveExternalKeys } from '../loading/resolve-external-keys.js';
import { byName } from '../people/by-name.js';
import { PageAssignmentEntity } from './page-assignment.entity.js';
import { PAGE_COLUMNS, PAGE_FROM, type PageRow, toPage } from './page-rows.js';
import { PageEntity } from './page.entity.js';

type PagesRequest = RpcRequest<typeof IdentityRpc.upsertPages>;

function inOrder(assignments: readonly PageAssignment[]): PageAssignment[] {
  return [...assignments]
    .map((assignment) => ({ teacherId: assignment.teacherId, from: assignment.from, to: assignment.to }))
    .sort((a, b) => a.from.localeCompare(b.from) || a.teacherId.localeCompare(b.teacherId));
}

const sameAssignments = (a: readonly PageAssignment[], b: readonly PageAssignment[]) =>
  JSON.stringify(inOrder(a)) === JSON.stringify(inOrder(b));

@Injectable()
export class PagesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly access: AccessCheck,
  ) {}

  /** Saves pages and replaces each page's assignments with the given ones (R-ACC-3). */
  async upsert(request: PagesRequest): Promise<{ ids: Record<string, string> }> {
    requireSystemActor();
    assertUniqueKeys(request.pages.map((page) => page.externalKey));
    for (const page of request.pages) {
      page.assignments.forEach(assertPeriod);
      assertUniqueKeys(
        page.assignments.map((assignment) => `${assignment.teacherId}|${assignment.from}`),
        'Назначение учителя повторяется на странице',
      );
    }
    return this.dataSource.transaction(async (manager) => {
      await this.assertPlacement(manager, request);
      const ids = await resolveExternalKeys(
        manager,
        'page',
        request.pages.map((page) => page.externalKey),
      );
      const pages = request.pages.map((page) => ({
        id: ids.get(page.externalKey)!,
        schoolId: request.schoolId,
        externalKey: page.externalKey,
        classId: page.classId,
        groupId: page.groupId,
        subjectCode: page.subjectCode,
        assignments: inOrder(page.assignments),
      }));
      const changed = await bulkUpsert<PageEntity, { id: string }>(
        manager,
        PageEntity,
        pages.map(({ assignments: _assignments, ...page }) => page),
        { conflict: ['external_key'], overwrite: ['school_id', 'class_id', 'group_id', 'subject_code'], returning: ['id'] },
      );
      const reassigned = await this.replaceChangedAssignments(manager, pages);
      const changedIds = new Set([...changed.map((row) => row.id), ...reassigned]);
      if (changedIds.size > 0) {
        await this.outbox.append(manager, IdentityEvents.pagesSaved, {
          pages: pages
            .filter((page) => changedIds.has(page.id))
            .map((page) => ({
              pageId: page.id,
              schoolId: page.schoolId,
              classId: page.classId,
              groupId: page.groupId,
              subjectCode: page.subjectCode,
              assignments: page.assignments,
            })),
        });
      }
      return { ids: Object.fromEntries(ids) };
    });
  }

  /** Every page of the school's classes of a year, with the names of the teachers assigned to them (R-PLAN-1). */
  async ofSchool(schoolId: string, academicYear: string): Promise<{ pages: Page[]; teachers: Person[] }> {
    await this.access.assertMay('schools.pages.list', { type: 'school', id: schoolId });
    const rows = await scopedQuery<PageRow>(
      this.dataSource,
      `SELECT ${PAGE_COLUMNS}
         FROM ${PAGE_FROM}
        WHERE p.school_id = $1 AND c.academic_year = $2
        ORDER BY c.grade, c.letter, p.subject_code, g.name NULLS FIRST`,
      [schoolId, academicYear],
    );
    const pages = rows.map(toPage);
    const teacherIds = [...new Set(pages.flatMap((page) => page.assignments.map((assignment) => assignment.teacherId)))];
    const people = await scopedQuery<{ id: string; last_name: string; first_name: string; middle_name: string | null }>(
      this.dataSource,
      'SELECT id, last_name, first_name, middle_name FROM person WHERE id = ANY($1::uuid[])',
      [teacherIds],
    );
    const teachers = people
      .map((row) => ({ id: row.id, lastName: row.last_name, firstName: row.first_name, middleName: row.middle_name }))
      .sort(byName);
    return { pages, teachers };
  }

  async ofTeacher(teacherId: string, date: string): Promise<{ pages: Page[] }> {
    const rows = await scopedQuery<PageRow>(
      this.dataSource,
      `SELECT ${PAGE_COLUMNS}
         FROM ${PAGE_FROM}
        WHERE p.id IN (SELECT a.page_id FROM page_assignment a
                        WHERE a.teacher_id = $1 AND a.date_from <= $2 AND (a.date_to IS NULL OR a.date_to >= $2))
        ORDER BY c.academic_year, c.grade, c.letter, p.subject_code, g.name NULLS FIRST`,
      [teacherId, date],
    );
    return { pages: rows.map(toPage) };
  }

  /** Every class is of the request's school, every group of the page's class, every teacher a known person. */
  private async assertPlacement(manager: EntityManager, request: PagesRequest): Promise<void> {
    await assertIdsExist(manager, 'school', [request.schoolId], 'Школа не найдена');
    await assertIdsExist(
      manager,
      'person',
      request.pages.flatMap((page) => page.assignments.map((assignment) => assignment.teacherId)),
      'Учитель не найден',
    );
    const classes = await manager.query<Array<{ id: string; school_id: string }>>(
      'SELECT id, school_id FROM school_class WHERE id = ANY($1::uuid[])',
      [request.pages.map((page) => page.classId)],
    );
    const schoolOfClass = new Map(classes.map((row) => [row.id, row.school_id]));
    const groupIds = request.pages.flatMap((page) => (page.groupId ? [page.groupId] : []));
    const groups = await manager.query<Array<{ id: string; class_id: string }>>(
      'SELECT id, class_id FROM class_group WHERE id = ANY($1::uuid[])',
      [groupIds],
    );
    const classOfGroup = new Map(groups.map((row) => [row.id, row.class_id]));
    for (const page of request.pages) {
      const schoolId = schoolOfClass.get(page.classId);
      if (schoolId === undefined) throw new DomainError(ErrorCode.NotFound, 'Класс не найден', { classId: page.classId });
      if (schoolId !== request.schoolId) {
        throw new DomainError(ErrorCode.ValidationFailed, 'Класс относится к другой школе', { classId: page.classId });
      }
      if (!page.groupId) continue;
      const classId = classOfGroup.get(page.groupId);
      if (classId === undefined) throw new DomainError(ErrorCode.NotFound, 'Группа не найдена', { groupId: page.groupId });
      if (classId !== page.classId) {
        throw new DomainError(ErrorCode.ValidationFailed, 'Группа относится к другому классу', { groupId: page.groupId });
      }
    }
  }

  /** Replaces the assignments of the pages whose list differs from the stored one; returns those pages' ids. */
  private async replaceChangedAssignments(
    manager: EntityManager,
    pages: ReadonlyArray<{ id: string; assignments: PageAssignment[] }>,
  ): Promise<string[]> {
    const stored = await manager.query<Array<{ page_id: string; teacher_id: string; date_from: string; date_to: string | null }>>(
      'SELECT page_id, teacher_id, date_from, date_to FROM page_assignment WHERE page_id = ANY($1::uuid[])',
      [pages.map((page) => page.id)],
    );
    const storedByPage = new Map<string, PageAssignment[]>();
    for (const row of stored) {
      const assignments = storedByPage.get(row.page_id) ?? [];
      assignments.push({ teacherId: row.teacher_id, from: row.date_from, to: row.date_to });
      storedByPage.set(row.page_id, assignments);
    }
    const reassigned = pages.filter((page) => !sameAssignments(storedByPage.get(page.id) ?? [], page.assignments));
    if (reassigned.length === 0) return [];
    await manager.query('DELETE FROM page_assignment WHERE page_id = ANY($1::uuid[])', [reassigned.map((page) => page.id)]);
    await bulkUpsert(
      manager,
      PageAssignmentEntity,
      reassigned.flatMap((page) => page.assignments.map((assignment) => ({ pageId: page.id, ...assignment }))),
      { conflict: ['page_id', 'teacher_id', 'date_from'], overwrite: [], returning: ['page_id'] },
    );
    return reassigned.map((page) => page.id);
  }
}
