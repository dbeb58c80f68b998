import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode, type PageContext, type Person, type WorkKind } from '#contracts';
import { currentActor } from '#platform';
import { decide } from '#policy';
import { AccessFactsService } from '../access/access-facts.service.js';
import { scopedQuery } from '../database/scoped-query.js';
import { byName } from '../people/by-name.js';
import { PAGE_COLUMNS, PAGE_FROM, type PageRow, toPage } from './page-rows.js';

type PageWithSchoolRow = PageRow & {
  school_name: string;
  time_zone: string;
  mark_scale_min: 1 | 2;
  work_kinds: WorkKind[];
};

interface StudentRow {
  id: string;
  last_name: string;
  first_name: string;
  middle_name: string | null;
}

/**
 * What a journal write needs to know about a page on a date. On the hot path: the page and the caller's facts at once,
 * then the students.
 */
@Injectable()
export class PageContextService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessFactsService,
  ) {}

  async context(pageId: string, date: string, lessonId: string | undefined): Promise<PageContext> {
    const actor = currentActor();
    const [[row], facts] = await Promise.all([
      scopedQuery<PageWithSchoolRow>(
        this.dataSource,
        `SELECT ${PAGE_COLUMNS}, s.name AS school_name, s.time_zone, s.mark_scale_min, s.work_kinds
           FROM ${PAGE_FROM}
           JOIN school s ON s.id = p.school_id
          WHERE p.id = $1`,
        [pageId],
      ),
      this.access.of(actor, { type: 'page', id: pageId, date, ...(lessonId ? { lessonId } : {}) }),
    ]);
    if (!row) throw new DomainError(ErrorCode.NotFound, 'Страница журнала не найдена');
    const page = toPage(row);
    // The one policy table decides; services that take another write action decide it themselves with the facts.
    const writable = decide('lessons.marks.write', actor, facts).allowed;
    const readable = decide('lessons.read', actor, facts).allowed;
    return {
      page,
      school: {
        id: row.school_id,
        name: row.school_name,
        timeZone: row.time_zone,
        markScaleMin: row.mark_scale_min,
        workKinds: row.work_kinds,
      },
      writable,
      readable,
      facts,
      // Nobody learns who is in a class through a page they may not read.
      students: readable ? await this.studentsOn(page.classId, page.groupId, date) : [],
    };
  }

  /** The students enrolled in the class, and in the group if any, on the date (R-CAL-3, R-CAL-4). */
  private async studentsOn(classId: string, groupId: string | null, date: string): Promise<Person[]> {
    const rows = await scopedQuery<StudentRow>(
      this.dataSource,
      `SELECT p.id, p.last_name, p.first_name, p.middle_name
         FROM person p
        WHERE EXISTS (SELECT 1 FROM enrollment e
                       WHERE e.student_id = p.id AND e.class_id = $1
                         AND e.date_from <= $3 AND (e.date_to IS NULL OR e.date_to >= $3))
          AND ($2::uuid IS NULL
               OR EXISTS (SELECT 1 FROM group_membership m
                           WHERE m.student_id = p.id AND m.group_id = $2
                             AND m.date_from <= $3 AND (m.date_to IS NULL OR m.date_to >= $3)))`,
      [classId, groupId, date],
    );
    return rows
      .map((row) => ({ id: row.id, lastName: row.last_name, firstName: row.first_name, middleName: row.middle_name }))
      .sort(byName);
  }
}
