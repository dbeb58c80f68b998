import { z } from 'zod';

/**
 * A zod schema as one OpenAPI 3.0 schema object, for the places that take a plain schema (`@ApiBody({ schema })`, the
 * Problem component). zod puts a schema that has an `id` under `definitions` and answers a `$ref` to it, which an
 * OpenAPI document cannot resolve; the definition itself is taken instead.
 */
export function inlineJsonSchema(schema: z.ZodType): Record<string, unknown> {
  const converted = z.toJSONSchema(schema, { target: 'openapi-3.0' }) as Record<string, unknown> & {
    definitions?: Record<string, Record<string, unknown>>;
  };
  const id = z.globalRegistry.get(schema)?.id;
  const { id: _id, $schema: _schema, ...body } = (id ? converted.definitions?.[id] : undefined) ?? converted;
  return body;
}
