import { z } from 'zod';

/** An exact average (R-MARK-5) with its shown value and the proposed period mark (R-MARK-6). */
export const Average = z.object({
  exact: z.string().meta({ description: 'Точное значение дробью', example: '7/2' }),
  value: z.string().meta({ description: 'Значение с двумя знаками, округлённое вверх от половины', example: '3.50' }),
  proposed: z.number().int().meta({ description: 'Предлагаемая отметка за период', example: 4 }),
});
export type Average = z.infer<typeof Average>;
