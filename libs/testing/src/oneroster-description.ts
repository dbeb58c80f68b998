import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

/** The official OneRoster 1.2 Rostering OpenAPI description, copied verbatim into the test fixtures. */
export const ONEROSTER_DESCRIPTION_FILE = join(
  import.meta.dirname,
  '../../../test/fixtures/oneroster/onerosterv1p2rostersservice_openapi3_v1p0.json',
);

/**
 * The OneRoster 1.2 Gradebook data model as an OpenAPI document of its read paths, written for the tests from the
 * specification's text (no official Gradebook OpenAPI file was available; see the fixture's README).
 */
export const ONEROSTER_GRADEBOOK_DESCRIPTION_FILE = join(
  import.meta.dirname,
  '../../../test/fixtures/oneroster/oneroster-v1p2-gradebook-data-model.json',
);

interface Description {
  paths: Record<string, { get?: { responses: Record<string, { content?: Record<string, { schema: unknown }> }> } }>;
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const DESCRIPTION_ID = 'oneroster-rostering-1.2';

/**
 * Validates real responses against the 200 response schema of a path of the official description (e.g.
 * `/orgs/{sourcedId}`), with ajv and the formats (date, date-time, uri) the description uses.
 */
export class OneRosterDescription {
  private readonly ajv: Ajv;
  private readonly description: Description;
  private readonly validators = new Map<string, ValidateFunction>();

  /** The rostering description by default; `ONEROSTER_GRADEBOOK_DESCRIPTION_FILE` for the gradebook. */
  constructor(file: string = ONEROSTER_DESCRIPTION_FILE) {
    this.description = JSON.parse(readFileSync(file, 'utf8')) as Description;
    // OpenAPI 3.0 keywords (nullable, example …) are not JSON Schema: not strict, and the document is no schema.
    this.ajv = addFormats(new Ajv({ strict: false, allErrors: true, validateSchema: false }));
    this.ajv.addSchema(this.description, DESCRIPTION_ID);
  }

  /** The errors of a response body against the path's 200 response schema; empty when it is valid. */
  errorsOf(path: string, body: unknown): string[] {
    const validate = this.validatorOf(path);
    return validate(body) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`.trim());
  }

  private validatorOf(path: string): ValidateFunction {
    const known = this.validators.get(path);
    if (known) return known;
    const schema = this.description.paths[path]?.get?.responses['200']?.content?.['application/json']?.schema as
      | { $ref: string }
      | undefined;
    if (!schema) throw new Error(`The OneRoster description has no 200 response for GET ${path}`);
    const validate = this.ajv.compile({ $ref: `${DESCRIPTION_ID}${schema.$ref}` });
    this.validators.set(path, validate);
    return validate;
  }
}
