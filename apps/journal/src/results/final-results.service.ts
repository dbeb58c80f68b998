import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager, In } from 'typeorm';
import {
  DomainError,
  ErrorCode,
  type FinalResult,
  FinalResultEvents,
  type FinalResultsRpc,
  GradeSubjectsRpc,
  IdentityRpc,
  personIdOf,
  type ResultHistory,
  type ResultTerm,
  type ResultValue,
  type RpcRequest,
  type Subject,
  type SubjectPageDays,
  type SubjectRoster,
  SubjectRosterRpc,
  type TermResultRow,
  type TermResults,
} from '#contracts';
import { marksKeptInGrade, resultDeviates, resultMisfit, resultOwnerPage } from '#domain';
import { appendHistory, Clock, currentActor, type HistoryChange, OutboxWriter, RpcClient } from '#platform';
import { decide } from '#policy';
import { FinalResultHistoryEntity } from './final-result-history.entity.js';
import { FinalResultEntity } from './final-result.entity.js';
import { storedValue, toFinalResult, toResultChange } from './final-result.mapper.js';
import { averageOf, ResultAverages, type StudentAverage } from './result-averages.js';
import { type ResolvedTerm, ResultTerms } from './result-terms.js';

type Scope = { pageId: string; term: ResultTerm; termId: string };
type SetRequest = RpcRequest<typeof FinalResultsRpc.set>;
type RosterStudent = SubjectRoster['students'][number];

/** A page's results for a term as the caller may see them: the page's roster, the term, the subject in the grade. */
interface ResultsScope {
  roster: SubjectRoster;
  term: ResolvedTerm;
  subject: Subject;
  /** The students whose result the page owns (R-CAL-4). */
  owned: RosterStudent[];
}

interface ResultChangeRow extends HistoryChange {
  result: FinalResult;
}

// The journal's namespace of advisory locks for results (the lessons' one is 0x4a4f55).
const RESULT_LOCK_SPACE = 0x4a5253;
const MAX_SCALE = 5;
const PAGE_NOT_FOUND = 'Страница журнала не найдена';

/**
 * Period and year results (R-MARK-1, R-MARK-6, R-CAL-4): the page's teacher sets them, guided by the exact average and
 * the proposal; a result other than the proposal is flagged; a closed period refuses every change; every change is
 * versioned, kept in the history (R-MARK-7) and announced for reports and the e-diary.
 */
@Injectable()
export class FinalResultsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rpc: RpcClient,
    private readonly terms: ResultTerms,
    private readonly averages: ResultAverages,
    private readonly clock: Clock,
    private readonly outbox: OutboxWriter,
  ) {}

  async list(request: Scope): Promise<TermResults> {
    const scope = await this.open(request, 'results.read');
    const { roster, term, subject, owned } = scope;
    const studentIds = owned.map((entry) => entry.student.id);
    const [averages, results] = await Promise.all([
      this.averages.of(roster, term, studentIds),
      this.resultsOf(term, roster.page.subjectCode, studentIds),
    ]);
    const { id, kind, nameRu, start, end, closed } = term;
    return {
      pageId: roster.page.id,
      className: roster.page.className,
      subjectCode: roster.page.subjectCode,
      subjectName: subject.nameRu,
      marked: subject.marked,
      scale: { min: roster.school.markScaleMin, max: MAX_SCALE },
      term: { kind, id, nameRu, start, end, closed },
      students: owned.map((entry) => rowOf(entry, averageOf(averages, entry.student.id), results.get(entry.student.id) ?? null)),
    };
  }

  async set(request: SetRequest): Promise<TermResultRow> {
    const scope = await this.open(request, 'results.write');
    const { roster, term, subject } = scope;
    const { page, school } = roster;
    if (term.closed) {
      throw new DomainError(ErrorCode.PeriodClosed, `Период «${term.closingPeriod.nameRu}» закрыт: изменения не допускаются`, {
        periodId: term.closingPeriod.id,
      });
    }
    if (!marksKeptInGrade(page.grade)) throw new DomainError(ErrorCode.MarksNotKeptInGrade1, 'В 1 классе отметки не ставятся');
    const entry = this.ownedStudent(scope, request.studentId);
    const value = request.value ?? null;
    if (value !== null) assertFits(value, subject, school.markScaleMin);
    const average = averageOf(await this.averages.of(roster, term, [entry.student.id]), entry.student.id);
    const result = await this.dataSource.transaction((manager) => this.save(manager, scope, request, value));
    return rowOf(entry, average, result);
  }

  async history(request: Scope): Promise<ResultHistory> {
    const { term, roster, owned } = await this.open(request, 'results.read');
    if (owned.length === 0) return { changes: [] };
    const rows = await this.dataSource.getRepository(FinalResultHistoryEntity).find({
      where: { termId: term.id, subjectCode: roster.page.subjectCode, studentId: In(owned.map((entry) => entry.student.id)) },
      order: { id: 'ASC' },
    });
    return { changes: rows.map(toResultChange) };
  }

  /**
   * The page and term once the caller may take the action on the page (R-ACC-3): refused and not visible answers
   * exactly as a page that does not exist, before anything about the term is told.
   */
  private async open(scope: Scope, action: 'results.read' | 'results.write'): Promise<ResultsScope> {
    const found = await this.terms.lookup(scope.term, scope.termId);
    if (!found) {
      this.assertMay(action, await this.rpc.call(IdentityRpc.accessFacts, { resource: { type: 'page', id: scope.pageId } }));
      throw this.terms.notFound(scope.term);
    }
    const roster = await this.rpc.call(SubjectRosterRpc.ofPage, { pageId: scope.pageId, from: found.from, to: found.to });
    this.assertMay(action, roster.facts);
    const term = this.terms.forPage(found, scope.term, roster.page);
    const subject = await this.rpc.call(GradeSubjectsRpc.get, {
      yearId: term.yearId,
      grade: roster.page.grade,
      subjectCode: roster.page.subjectCode,
    });
    const owned = roster.students.filter((entry) => resultOwnerPage(entry.days) === roster.page.id);
    return { roster, term, subject, owned };
  }

  private assertMay(action: 'results.read' | 'results.write', facts: SubjectRoster['facts']): void {
    const decision = decide(action, currentActor(), facts);
    if (decision.allowed) return;
    if (decision.visible) throw new DomainError(ErrorCode.Forbidden, 'Итоговые отметки ставит учитель этой страницы журнала');
    throw new DomainError(ErrorCode.NotFound, PAGE_NOT_FOUND);
  }

  /** The student, if the page owns their result: a transferred student's result is their new class's (R-CAL-4). */
  private ownedStudent({ roster }: ResultsScope, studentId: string): RosterStudent {
    const entry = roster.students.find((candidate) => candidate.student.id === studentId);
    if (!entry) {
      throw new DomainError(ErrorCode.StudentNotEnrolled, 'Ученик не числился в классе в этом периоде', { studentId });
    }
    const ownerPageId = resultOwnerPage(entry.days);
    if (ownerPageId !== roster.page.id) {
      const owner = entry.days.find((days) => days.pageId === ownerPageId);
      throw new DomainError(
        ErrorCode.Conflict,
        `Итоговую отметку ученика ставят в классе, где он числится в конце периода${owner ? ` (${owner.className})` : ''}`,
        { ownerPageId },
      );
    }
    return entry;
  }

  private async save(manager: EntityManager, scope: ResultsScope, request: SetRequest, value: ResultValue | null): Promise<FinalResult | null> {
    const { roster, term } = scope;
    const { page } = roster;
    const key = { termId: term.id, studentId: request.studentId, subjectCode: page.subjectCode };
    await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
      RESULT_LOCK_SPACE,
      `${key.termId}:${key.studentId}:${key.subjectCode}`,
    ]);
    const repository = manager.getRepository(FinalResultEntity);
    const existing = await repository.findOneBy(key);
    const current = existing ? toFinalResult(existing) : null;
    if (request.expectedVersion !== undefined && request.expectedVersion !== (current?.version ?? 0)) {
      throw new DomainError(ErrorCode.VersionConflict, 'Итоговая отметка уже изменена другим пользователем: обновите страницу', {
        current,
      });
    }
    // Setting what is already there changes nothing and records nothing.
    if ((current?.value ?? null) === value) return current;
    const actorId = personIdOf(currentActor());
    const now = this.clock.now();
    const entity = repository.create({
      id: existing?.id ?? randomUUID(),
      term: term.kind,
      ...key,
      schoolId: page.schoolId,
      pageId: page.id,
      value: storedValue(value),
      version: (current?.version ?? 0) + 1,
      setBy: actorId,
      setAt: now,
    });
    await repository.save(entity);
    const saved = toFinalResult(entity);
    const change: ResultChangeRow = {
      result: saved,
      action: current === null ? 'created' : value === null ? 'deleted' : 'updated',
      oldValue: current,
      newValue: saved,
      actorId,
      at: now,
      reason: request.reason ?? null,
    };
    await appendHistory<ResultChangeRow>(
      manager,
      'final_result_history',
      [
        { name: 'result_id', type: 'uuid', value: (row) => row.result.id },
        { name: 'term_id', type: 'uuid', value: (row) => row.result.termId },
        { name: 'subject_code', type: 'text', value: (row) => row.result.subjectCode },
        { name: 'student_id', type: 'uuid', value: (row) => row.result.studentId },
        { name: 'page_id', type: 'uuid', value: (row) => row.result.pageId },
      ],
      [change],
    );
    await this.outbox.append(manager, FinalResultEvents.resultsSaved, { results: [saved] });
    return saved;
  }

  private async resultsOf(term: ResolvedTerm, subjectCode: string, studentIds: readonly string[]): Promise<Map<string, FinalResult>> {
    if (studentIds.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(FinalResultEntity)
      .findBy({ termId: term.id, subjectCode, studentId: In([...studentIds]) });
    return new Map(rows.map((row) => [row.studentId, toFinalResult(row)]));
  }
}

/** A value the subject and the school's scale take (R-MARK-1). */
function assertFits(value: ResultValue, subject: Subject, scaleMin: number): void {
  switch (resultMisfit(value, { marked: subject.marked, scaleMin, scaleMax: MAX_SCALE })) {
    case null:
      return;
    case 'off-scale':
      throw new DomainError(ErrorCode.MarkOutOfScale, `Отметка должна быть от ${scaleMin} до ${MAX_SCALE}`, {
        min: scaleMin,
        max: MAX_SCALE,
      });
    case 'mark-in-unmarked-subject':
      throw new DomainError(
        ErrorCode.SubjectUnmarked,
        `Предмет «${subject.nameRu}» безотметочный: итог — зачёт, незачёт, н/а или осв.`,
      );
    case 'pass-fail-in-marked-subject':
      throw new DomainError(ErrorCode.ValidationFailed, 'Зачёт и незачёт ставятся только по безотметочным предметам', {
        issues: [{ path: 'value', message: 'По отметочному предмету итог — отметка, н/а или осв.' }],
      });
  }
}

function rowOf(entry: RosterStudent, average: StudentAverage, result: FinalResult | null): TermResultRow {
  return {
    student: entry.student,
    days: entry.days.map(toDays),
    counted: average.counted,
    average: average.average,
    ...(average.periodResults ? { periodResults: average.periodResults } : {}),
    result,
    deviates: resultDeviates(result?.value ?? null, average.average?.proposed ?? null),
  };
}

function toDays({ pageId, classId, className, from, to }: SubjectPageDays) {
  return { pageId, classId, className, from, to };
}
