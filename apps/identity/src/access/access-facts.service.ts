import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type AccessFacts, type Actor, personIdOf, type Relation, type ResourceRef } from '#contracts';
import { Clock, currentActor } from '#platform';
import { scopedQuery } from '../database/scoped-query.js';

export const MISSING_RESOURCE: AccessFacts = { exists: false, schoolIds: [], relations: [] };

interface FactsRow {
  school_ids: string[];
  relations: Relation[];
}

/** The day asked for ($3), or today in the school's own zone at the Clock's instant ($4) (R-CAL-2). */
const dayIn = (zone: string) => `COALESCE($3::date, ($4::timestamptz AT TIME ZONE ${zone})::date)`;

/** A JSON array of the relations whose condition holds. */
const relationsWhere = (conditions: Partial<Record<Relation, string>>) => `
  (SELECT COALESCE(json_agg(r.relation), '[]') FROM (
     ${Object.entries(conditions)
       .map(([relation, condition]) => `SELECT '${relation}'::text AS relation WHERE ${condition}`)
       .join('\n     UNION ALL ')}
   ) r)`;

const GUARDIAN = 'EXISTS (SELECT 1 FROM guardianship g WHERE g.student_id = $1::uuid AND g.parent_id = $2::uuid)';

/**
 * The caller ($2) is on the personal-data list of a school of the person and works there now (an active account
 * with a staff role in that school): R-ACC-2.
 */
const PERSONAL_DATA_STAFF = `EXISTS (
  SELECT 1 FROM personal_data_staff l
    JOIN schools_of_person s ON s.school_id = l.school_id
    JOIN account a ON a.person_id = l.person_id AND a.status = 'active'
    JOIN role_grant g ON g.account_id = a.id AND g.school_id = l.school_id AND g.role <> 'parent' AND g.role <> 'student'
   WHERE l.person_id = $2::uuid)`;

/** The caller ($2) is on the school's own personal-data list and works there now (R-ACC-2). */
const SCHOOL_PERSONAL_DATA_STAFF = `EXISTS (
  SELECT 1 FROM personal_data_staff l
    JOIN account a ON a.person_id = l.person_id AND a.status = 'active'
    JOIN role_grant g ON g.account_id = a.id AND g.school_id = l.school_id AND g.role <> 'parent' AND g.role <> 'student'
   WHERE l.school_id = s.id AND l.person_id = $2::uuid)`;

/**
 * One query per kind of resource ($1 its id): its schools, and the relations of the person asking ($2; NULL for the
 * system and machine clients, who stand in no relation). No row: the resource does not exist.
 */
const FACTS_SQL: Record<ResourceRef['type'], string> = {
  school: `
    SELECT json_build_array(s.id) AS school_ids,
           ${relationsWhere({
             'class-teacher': 'EXISTS (SELECT 1 FROM school_class c WHERE c.school_id = s.id AND c.class_teacher_id = $2::uuid AND c.archived_at IS NULL)',
             'personal-data-staff': SCHOOL_PERSONAL_DATA_STAFF,
           })} AS relations
      FROM school s
     WHERE s.id = $1::uuid`,
  class: `
    SELECT json_build_array(c.school_id) AS school_ids,
           ${relationsWhere({ 'class-teacher': 'c.class_teacher_id = $2::uuid' })} AS relations
      FROM school_class c
     WHERE c.id = $1::uuid`,
  student: `
    WITH classes_then AS (
      SELECT sc.school_id, sc.class_teacher_id
        FROM enrollment e
        JOIN school_class sc ON sc.id = e.class_id
        JOIN school s ON s.id = sc.school_id
       CROSS JOIN LATERAL (SELECT ${dayIn('s.time_zone')} AS day) d
       WHERE e.student_id = $1::uuid AND e.date_from <= d.day AND (e.date_to IS NULL OR e.date_to >= d.day)
    )
    SELECT (SELECT COALESCE(json_agg(DISTINCT t.school_id), '[]') FROM classes_then t) AS school_ids,
           ${relationsWhere({
             self: 'p.id = $2::uuid',
             guardian: GUARDIAN,
             'class-teacher': 'EXISTS (SELECT 1 FROM classes_then t WHERE t.class_teacher_id = $2::uuid)',
           })} AS relations
      FROM person p
     WHERE p.id = $1::uuid
       AND (EXISTS (SELECT 1 FROM enrollment e WHERE e.student_id = p.id)
            OR EXISTS (SELECT 1 FROM guardianship g WHERE g.student_id = p.id))`,
  page: `
    SELECT json_build_array(pg.school_id) AS school_ids,
           ${relationsWhere({
             'class-teacher': 'c.class_teacher_id = $2::uuid',
             'page-teacher': `EXISTS (SELECT 1 FROM page_assignment a
                                       WHERE a.page_id = pg.id AND a.teacher_id = $2::uuid
                                         AND a.date_from <= d.day AND (a.date_to IS NULL OR a.date_to >= d.day))`,
             'page-teacher-ever': 'EXISTS (SELECT 1 FROM page_assignment a WHERE a.page_id = pg.id AND a.teacher_id = $2::uuid)',
             'lesson-substitute': `EXISTS (SELECT 1 FROM substitution sub
                                            WHERE sub.lesson_id = $5::uuid AND sub.page_id = pg.id AND sub.teacher_id = $2::uuid)`,
           })} AS relations
      FROM page pg
      JOIN school_class c ON c.id = pg.class_id
      JOIN school s ON s.id = pg.school_id
     CROSS JOIN LATERAL (SELECT ${dayIn('s.time_zone')} AS day) d
     WHERE pg.id = $1::uuid`,
  person: `
    WITH schools_of_person AS (
      SELECT g.school_id FROM account a JOIN role_grant g ON g.account_id = a.id
       WHERE a.person_id = $1::uuid AND a.status = 'active'
      UNION SELECT c.school_id FROM enrollment e JOIN school_class c ON c.id = e.class_id WHERE e.student_id = $1::uuid
    )
    SELECT (SELECT COALESCE(json_agg(DISTINCT x.school_id), '[]') FROM schools_of_person x) AS school_ids,
           ${relationsWhere({ self: 'p.id = $2::uuid', guardian: GUARDIAN, 'personal-data-staff': PERSONAL_DATA_STAFF })} AS relations
      FROM person p
     WHERE p.id = $1::uuid`,
  account: `
    SELECT (SELECT COALESCE(json_agg(DISTINCT x.school_id), '[]') FROM (
              SELECT a.school_id WHERE a.school_id IS NOT NULL
              UNION SELECT g.school_id FROM role_grant g WHERE g.account_id = a.id
            ) x) AS school_ids,
           ${relationsWhere({ self: 'a.person_id = $2::uuid' })} AS relations
      FROM account a
     WHERE a.id = $1::uuid`,
};

/**
 * What identity knows about how an actor stands to a resource (R-ACC-3, R-REP-4). It decides nothing: the policy
 * table in libs/policy does, in the gateway and again in the services. On the hot path: one query per call.
 */
@Injectable()
export class AccessFactsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The calling actor's facts (from the request context). */
  ofCaller(resource: ResourceRef): Promise<AccessFacts> {
    return this.of(currentActor(), resource);
  }

  async of(actor: Actor, resource: ResourceRef): Promise<AccessFacts> {
    const [row] = await scopedQuery<FactsRow>(this.dataSource, FACTS_SQL[resource.type], this.paramsOf(actor, resource));
    if (!row) return MISSING_RESOURCE;
    return { exists: true, schoolIds: row.school_ids, relations: [...new Set(row.relations)] };
  }

  private paramsOf(actor: Actor, resource: ResourceRef): unknown[] {
    const person = personIdOf(actor);
    const now = this.clock.now().toISOString();
    switch (resource.type) {
      case 'school':
      case 'class':
      case 'person':
      case 'account':
        return [resource.id, person];
      case 'student':
        return [resource.id, person, resource.date ?? null, now];
      case 'page':
        return [resource.id, person, resource.date ?? null, now, resource.lessonId ?? null];
    }
  }
}
