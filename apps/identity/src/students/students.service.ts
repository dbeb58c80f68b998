import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Child, DomainError, ErrorCode } from '#contracts';
import { schoolDateAt } from '#domain';
import { Clock } from '#platform';
import { AccessFactsService } from '../access/access-facts.service.js';
import { assertCallerMay } from '../access/caller-may.js';
import { scopedQuery } from '../database/scoped-query.js';
import { className } from '../classes/class-name.js';
import { byName } from '../people/by-name.js';

interface ChildRow {
  id: string;
  last_name: string;
  first_name: string;
  middle_name: string | null;
  class_id: string | null;
  school_id: string | null;
  grade: number | null;
  letter: string | null;
}

type ChildEnrollmentRow = ChildRow & { date_from: string | null; date_to: string | null; time_zone: string | null };


function toChild(row: ChildRow): Child {
  const name = { id: row.id, lastName: row.last_name, firstName: row.first_name, middleName: row.middle_name };
  if (row.class_id === null || row.school_id === null || row.grade === null || row.letter === null) {
    return { ...name, schoolId: null, classId: null, className: null };
  }
  return { ...name, schoolId: row.school_id, classId: row.class_id, className: className(row.grade, row.letter) };
}

const NOT_ENROLLED = { class_id: null, school_id: null, grade: null, letter: null } as const;

const parentNotFound = () => new DomainError(ErrorCode.NotFound, 'Родитель не найден');
// The same answer for a student who does not exist and for one the actor may not see: existence is not leaked.
const studentNotFound = () => new DomainError(ErrorCode.NotFound, 'Ученик не найден');

/** A parent's children and the students others may read, as the policy table allows (R-REP-4). */
@Injectable()
export class StudentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly access: AccessFactsService,
  ) {}

  /**
   * A parent's children with the class each is in today (in its school's zone), for the parent themselves and the
   * system; anybody else gets NOT_FOUND.
   */
  async childrenOfParent(parentId: string): Promise<{ children: Child[] }> {
    assertCallerMay('people.children.read', await this.access.ofCaller({ type: 'person', id: parentId }), parentNotFound);
    const rows = await scopedQuery<ChildEnrollmentRow>(
      this.dataSource,
      `SELECT p.id, p.last_name, p.first_name, p.middle_name,
              e.date_from, e.date_to, c.id AS class_id, c.school_id, c.grade, c.letter, s.time_zone
         FROM guardianship g
         JOIN person p ON p.id = g.student_id
         LEFT JOIN enrollment e ON e.student_id = p.id
         LEFT JOIN school_class c ON c.id = e.class_id
         LEFT JOIN school s ON s.id = c.school_id
        WHERE g.parent_id = $1
        ORDER BY e.date_from DESC NULLS LAST`,
      [parentId],
    );
    const now = this.clock.now();
    const enrolledToday = (row: ChildEnrollmentRow): boolean => {
      if (row.time_zone === null || row.date_from === null) return false;
      const today = schoolDateAt(now, row.time_zone);
      return row.date_from <= today && (row.date_to === null || today <= row.date_to);
    };
    const rowsByChild = new Map<string, ChildEnrollmentRow[]>();
    for (const row of rows) rowsByChild.set(row.id, [...(rowsByChild.get(row.id) ?? []), row]);
    const children = [...rowsByChild.values()].map((childRows) => {
      // Rows come latest enrollment first, so a student moved today is shown in the new class.
      const current = childRows.find(enrolledToday);
      return toChild(current ?? { ...childRows[0]!, ...NOT_ENROLLED });
    });
    return { children: children.sort(byName) };
  }

  /**
   * The student with the class enrolled in on the date, for those the policy lets read the student's diary (a
   * guardian, the class teacher of that class, that school's management) and the system. Everyone else gets exactly
   * the answer for a student who does not exist.
   */
  async studentAccess(studentId: string, date: string): Promise<{ student: Child }> {
    const [facts, [row]] = await Promise.all([
      this.access.ofCaller({ type: 'student', id: studentId, date }),
      scopedQuery<ChildRow>(
        this.dataSource,
        `SELECT p.id, p.last_name, p.first_name, p.middle_name, c.id AS class_id, c.school_id, c.grade, c.letter
           FROM person p
           LEFT JOIN LATERAL (
             SELECT sc.* FROM enrollment e JOIN school_class sc ON sc.id = e.class_id
              WHERE e.student_id = p.id AND e.date_from <= $2 AND (e.date_to IS NULL OR e.date_to >= $2)
              ORDER BY e.date_from DESC
              LIMIT 1
           ) c ON true
          WHERE p.id = $1`,
        [studentId, date],
      ),
    ]);
    assertCallerMay('students.diary.read', facts, studentNotFound);
    if (!row) throw studentNotFound();
    return { student: toChild(row) };
  }
}
