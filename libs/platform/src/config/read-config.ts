import { z } from 'zod';

/** Reads and validates configuration once at boot; a bad value stops the process with a clear list. */
export function readConfig<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const result = schema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  return result.data;
}

/** Settings every service shares. */
export const ServiceEnv = z.object({
  DATABASE_URL: z.string().url(),
  NATS_URL: z.string().default('nats://127.0.0.1:4222'),
  NATS_PREFIX: z.string().regex(/^[a-z0-9_-]+$/).default('ej'),
  HEALTH_PORT: z.coerce.number().int().min(0).default(0),
  CLOCK_NOW: z.string().datetime({ offset: true }).optional(),
  CLOCK_RUNNING: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});
export type ServiceEnv = z.infer<typeof ServiceEnv>;
