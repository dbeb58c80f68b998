import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  DomainError,
  ErrorCode,
  IdentityEvents,
  type IdentityRpc,
  personIdOf,
  type RpcRequest,
  type Substitution,
  type SubstitutionOnPage,
} from '#contracts';
import { Clock, currentActor, OutboxWriter } from '#platform';
import { AccessFactsService } from '../access/access-facts.service.js';
import { assertCallerMay } from '../access/caller-may.js';
import { scopedQuery } from '../database/scoped-query.js';
import { PAGE_COLUMNS, PAGE_FROM, type PageRow, toPage } from '../pages/page-rows.js';
import { assertTeachesAt } from './assert-teaches-at.js';

const lessonNotFound = () => new DomainError(ErrorCode.NotFound, 'Урок не найден');
const notYourSchoolsLoad = () =>
  new DomainError(ErrorCode.Forbidden, 'Назначать замены могут заместитель директора и директор школы');

interface SubstitutionRow {
  lesson_id: string;
  page_id: string;
  school_id: string;
  lesson_date: string;
  teacher_id: string;
}

type LessonOfPage = RpcRequest<typeof IdentityRpc.removeSubstitute>;

/** Substitutions (замены): a teacher takes one lesson of another teacher's page and writes on it only (R-ACC-3). */
@Injectable()
export class SubstitutionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly access: AccessFactsService,
    private readonly clock: Clock,
  ) {}

  /** One substitute per lesson: assigning another replaces them; assigning the same one again changes nothing. */
  async assign(request: RpcRequest<typeof IdentityRpc.assignSubstitute>): Promise<Substitution> {
    await this.assertMaySubstitute(request);
    return this.dataSource.transaction(async (manager) => {
      const [page] = await scopedQuery<{ school_id: string }>(manager, 'SELECT school_id FROM page WHERE id = $1', [request.pageId]);
      if (!page) throw lessonNotFound();
      await assertTeachesAt(manager, request.teacherId, page.school_id);
      const substitution: Substitution = {
        lessonId: request.lessonId,
        pageId: request.pageId,
        schoolId: page.school_id,
        date: request.date,
        teacherId: request.teacherId,
      };
      const changed = await scopedQuery<{ lesson_id: string }>(
        manager,
        `INSERT INTO substitution (lesson_id, page_id, lesson_date, teacher_id, assigned_by, assigned_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (lesson_id) DO UPDATE
            SET page_id = excluded.page_id, lesson_date = excluded.lesson_date, teacher_id = excluded.teacher_id,
                assigned_by = excluded.assigned_by, assigned_at = excluded.assigned_at
          WHERE (substitution.page_id, substitution.lesson_date, substitution.teacher_id)
                IS DISTINCT FROM (excluded.page_id, excluded.lesson_date, excluded.teacher_id)
         RETURNING lesson_id`,
        [request.lessonId, request.pageId, request.date, request.teacherId, personIdOf(currentActor()), this.clock.now()],
      );
      if (changed.length > 0) await this.outbox.append(manager, IdentityEvents.substituteAssigned, substitution);
      return substitution;
    });
  }

  async remove(request: LessonOfPage): Promise<{ removed: boolean }> {
    await this.assertMaySubstitute(request);
    return this.dataSource.transaction(async (manager) => {
      const [removed] = await scopedQuery<SubstitutionRow>(
        manager,
        // Through a CTE so that the rows come back (TypeORM answers a bare DELETE with [rows, count]).
        `WITH removed AS (DELETE FROM substitution WHERE lesson_id = $1 AND page_id = $2 RETURNING *)
         SELECT r.lesson_id, r.page_id, p.school_id, r.lesson_date, r.teacher_id FROM removed r JOIN page p ON p.id = r.page_id`,
        [request.lessonId, request.pageId],
      );
      if (!removed) return { removed: false };
      await this.outbox.append(manager, IdentityEvents.substituteRemoved, toSubstitution(removed));
      return { removed: true };
    });
  }

  /** The lessons the teacher substitutes on the date, with their pages (for the teacher's day). */
  async ofTeacher(teacherId: string, date: string): Promise<{ substitutions: SubstitutionOnPage[] }> {
    const rows = await scopedQuery<SubstitutionRow & PageRow>(
      this.dataSource,
      `SELECT ${PAGE_COLUMNS}, s.lesson_id, s.page_id, s.lesson_date, s.teacher_id
         FROM ${PAGE_FROM}
         JOIN substitution s ON s.page_id = p.id
        WHERE s.teacher_id = $1 AND s.lesson_date = $2
        ORDER BY s.lesson_id`,
      [teacherId, date],
    );
    return { substitutions: rows.map((row) => ({ ...toSubstitution(row), page: toPage(row) })) };
  }

  private async assertMaySubstitute({ lessonId, pageId, date }: LessonOfPage): Promise<void> {
    const facts = await this.access.ofCaller({ type: 'page', id: pageId, date, lessonId });
    assertCallerMay('lessons.substitute', facts, lessonNotFound, notYourSchoolsLoad);
  }
}

function toSubstitution(row: SubstitutionRow): Substitution {
  return {
    lessonId: row.lesson_id,
    pageId: row.page_id,
    schoolId: row.school_id,
    date: row.lesson_date,
    teacherId: row.teacher_id,
  };
}
