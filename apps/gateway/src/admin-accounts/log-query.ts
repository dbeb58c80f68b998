import { z } from 'zod';

/** A page of a log as a query: `limit` and `before` (the `next` of the previous page). */
export const LogQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100).meta({ description: 'Сколько записей (до 500)' }),
  before: z.string().regex(/^\d{1,18}$/, 'Курсор — число из поля next').optional().meta({ description: 'Поле next предыдущей страницы' }),
});
export type LogQuery = z.infer<typeof LogQuery>;
