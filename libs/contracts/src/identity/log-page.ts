import { z } from 'zod';

/** A page of a log, newest first; `next` is the cursor of the following page. */
export const LogPage = z.object({
  limit: z.number().int().min(1).max(500).default(100).meta({ description: 'Сколько записей (до 500)' }),
  before: z
    .string()
    .regex(/^\d{1,18}$/, 'Курсор — число из поля next')
    .optional()
    .meta({ description: 'Курсор next предыдущей страницы' }),
});
