import { ErrorCode } from '#contracts';

export interface ProblemKind {
  status: number;
  /** A short Russian title of the kind of problem; the detail carries the service's own message. */
  title: string;
}

/** The one place where a stable error code becomes an HTTP status (exhaustive: a new code fails the type check). */
export function problemKindOf(code: ErrorCode): ProblemKind {
  switch (code) {
    case ErrorCode.ValidationFailed:
      return { status: 400, title: 'Неверные данные запроса' };
    case ErrorCode.Unauthenticated:
      return { status: 401, title: 'Требуется вход в систему' };
    case ErrorCode.Forbidden:
      return { status: 403, title: 'Доступ запрещён' };
    case ErrorCode.StudentAccessForbidden:
      return { status: 403, title: 'Обучающимся доступ к журналу запрещён' };
    case ErrorCode.AccountUnknown:
      return { status: 403, title: 'Учётная запись не найдена' };
    case ErrorCode.AccountRevoked:
      return { status: 403, title: 'Доступ отозван' };
    case ErrorCode.CsrfFailed:
      return { status: 403, title: 'Запрос не подтверждён' };
    case ErrorCode.NotFound:
      return { status: 404, title: 'Не найдено' };
    case ErrorCode.VersionConflict:
      return { status: 409, title: 'Запись изменена другим пользователем' };
    case ErrorCode.Conflict:
      return { status: 409, title: 'Конфликт' };
    case ErrorCode.SchoolExists:
      return { status: 409, title: 'Школа уже есть в системе' };
    case ErrorCode.PeriodClosed:
      return { status: 409, title: 'Период закрыт' };
    case ErrorCode.MarksNotKeptInGrade1:
      return { status: 422, title: 'В 1 классе отметки не ставятся' };
    case ErrorCode.SubjectUnmarked:
      return { status: 422, title: 'Предмет безотметочный' };
    case ErrorCode.MarkOutOfScale:
      return { status: 422, title: 'Отметка вне шкалы' };
    case ErrorCode.UnknownWorkKind:
      return { status: 422, title: 'Неизвестный вид работы' };
    case ErrorCode.StudentNotEnrolled:
      return { status: 422, title: 'Обучающийся не зачислен' };
    case ErrorCode.LessonNotConducted:
      return { status: 422, title: 'Урок не проведён' };
    case ErrorCode.IdempotencyKeyReused:
      return { status: 422, title: 'Ключ идемпотентности уже использован' };
    case ErrorCode.RateLimited:
      return { status: 429, title: 'Слишком много запросов' };
    case ErrorCode.ServiceUnavailable:
      return { status: 503, title: 'Сервис временно недоступен' };
    case ErrorCode.Internal:
      return { status: 500, title: 'Внутренняя ошибка' };
  }
}
