import { z } from 'zod';
import { Id } from '../common/ids.js';
import { defineRpc } from '../common/rpc-definition.js';
import type { ExportedFile } from '../planning/thematic-plan.models.js';

/**
 * The printed journal page (issue 6, item 2): a PDF of a page for a period, laid out like the paper journal, from the
 * read model (so archived years print the same way, R-DATA-3); callers check who may read the page.
 */
export const PagePrintRpc = {
  pdf: defineRpc<ExportedFile>()('reporting.pages.print', z.object({ pageId: Id, periodId: Id })),
} as const;
