import { readFileSync } from 'node:fs';
import type { FederalCurriculum } from '#domain';

let loaded: FederalCurriculum | undefined;

/**
 * The federal curricula of the 2023 ФОП (НОО № 372, ООО № 370, СОО № 371) with their later amendments, a copy of the
 * project's reference file (data/README.md). It sits next to the compiled code (swc --copy-files) and the sources.
 */
export function federalCurriculum(): FederalCurriculum {
  loaded ??= JSON.parse(readFileSync(new URL('./data/federal-curriculum-2023.json', import.meta.url), 'utf8')) as FederalCurriculum;
  return loaded;
}
