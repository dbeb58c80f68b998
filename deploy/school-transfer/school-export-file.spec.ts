import { describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SCHOOL_EXPORT_FORMAT, SCHOOL_EXPORT_VERSION } from '#contracts';
import {
  collectSchoolExport,
  createSchoolExportFile,
  openSchoolExportFile,
  parseChunk,
  parseHeader,
  readSchoolExport,
  type SchoolExport,
  scopeOf,
  sourceOf,
} from './school-export-file.js';

const school = '5f0b7a7e-1c5b-4d3e-8b1a-2f6f3f0c9a11';
const page = 'a1a1a1a1-1c5b-4d3e-8b1a-2f6f3f0c9a11';
const student = 'b2b2b2b2-1c5b-4d3e-8b1a-2f6f3f0c9a11';

function exportOf(exportedAt: string): SchoolExport {
  return {
    format: SCHOOL_EXPORT_FORMAT,
    version: SCHOOL_EXPORT_VERSION,
    exportedAt,
    schoolId: school,
    services: {
      identity: {
        school: [{ id: school, name: 'МБОУ «СОШ № 1»' }],
        page: [{ id: page, school_id: school }],
        enrollment: [{ id: 'e1', student_id: student }, { id: 'e2', student_id: student }],
      },
      planning: {},
      journal: { mark: [{ id: 'm1', value: 5, at: '2026-12-03T05:00:00.123456+00:00' }] },
      attendance: {},
    },
  };
}

/** Writes an export the way the export command does: chunk by chunk, some tables in several chunks. */
async function writeInChunks(path: string, document: SchoolExport): Promise<void> {
  const { services: _services, ...header } = document;
  const file = await createSchoolExportFile(path, header);
  await file.write({ service: 'identity', table: 'school', rows: document.services.identity.school! });
  await file.write({ service: 'identity', table: 'page', rows: document.services.identity.page! });
  for (const row of document.services.identity.enrollment!) await file.write({ service: 'identity', table: 'enrollment', rows: [row] });
  await file.write({ service: 'journal', table: 'mark', rows: document.services.journal.mark! });
  await file.close();
}

async function inFolder(test: (folder: string) => Promise<void>): Promise<void> {
  const folder = await mkdtemp(join(tmpdir(), 'school-export-'));
  try {
    await test(folder);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

describe('the school export file (R-DATA-2)', () => {
  it('R-DATA-2: the same data makes the same bytes, the moment of the export aside, and reads back unchanged', () =>
    inFolder(async (folder) => {
      const [first, second] = [join(folder, 'a.jsonl.gz'), join(folder, 'b.jsonl.gz')];
      await writeInChunks(first, exportOf('2026-12-03T10:00:00.000Z'));
      await writeInChunks(second, exportOf('2026-12-03T10:00:00.000Z'));
      expect(await readFile(first)).toEqual(await readFile(second));
      expect(await readSchoolExport(first)).toEqual(exportOf('2026-12-03T10:00:00.000Z'));
    }));

  it('R-DATA-2: the file is read as it goes, line by line, as often as the import needs, the header checked first', () =>
    inFolder(async (folder) => {
      const path = join(folder, 'school.jsonl.gz');
      await writeInChunks(path, exportOf('2026-12-03T10:00:00.000Z'));
      const source = await openSchoolExportFile(path);
      expect(source.header).toEqual({ format: SCHOOL_EXPORT_FORMAT, version: SCHOOL_EXPORT_VERSION, exportedAt: '2026-12-03T10:00:00.000Z', schoolId: school });
      const tables = async () => {
        const seen: string[] = [];
        for await (const chunk of source.chunks()) seen.push(`${chunk.service}.${chunk.table}:${chunk.rows.length}`);
        return seen;
      };
      const expected = ['identity.school:1', 'identity.page:1', 'identity.enrollment:1', 'identity.enrollment:1', 'journal.mark:1'];
      expect(await tables()).toEqual(expected);
      expect(await tables()).toEqual(expected);
    }));

  it('R-DATA-2: an uncompressed export reads the same; an empty, damaged or foreign file is refused with a clear reason', () =>
    inFolder(async (folder) => {
      const lines = [
        JSON.stringify({ format: SCHOOL_EXPORT_FORMAT, version: SCHOOL_EXPORT_VERSION, exportedAt: 'x', schoolId: school }),
        JSON.stringify({ service: 'journal', table: 'mark', rows: [{ id: 'm1' }] }),
      ];
      const plain = join(folder, 'plain.jsonl');
      await writeFile(plain, `${lines.join('\n')}\n`);
      expect((await readSchoolExport(plain)).services.journal).toEqual({ mark: [{ id: 'm1' }] });

      const empty = join(folder, 'empty.jsonl');
      await writeFile(empty, '');
      await expect(openSchoolExportFile(empty)).rejects.toThrow('The school export file is empty');

      const damaged = join(folder, 'damaged.jsonl.gz');
      await writeFile(damaged, gzipSync(Buffer.from(`${lines[0]}\n{"service":"journal",`)));
      const source = await openSchoolExportFile(damaged);
      await expect(collectSchoolExport(source)).rejects.toThrow('Line 2 of the school export is not JSON');

      const truncated = join(folder, 'truncated.jsonl.gz');
      const whole = gzipSync(Buffer.from(`${lines[0]}\n${`${lines[1]}\n`.repeat(200)}`));
      await writeFile(truncated, whole.subarray(0, whole.length - 20));
      await expect(openSchoolExportFile(truncated).then(collectSchoolExport)).rejects.toThrow('The school export file is damaged');

      const foreign = join(folder, 'foreign.json');
      await writeFile(foreign, '{"hello":"world"}');
      await expect(openSchoolExportFile(foreign)).rejects.toThrow('Not a school export of this journal');
    }));

  it('R-DATA-2: a header of another format or version, or a line of no known service, is refused', () => {
    const header = { format: SCHOOL_EXPORT_FORMAT, version: SCHOOL_EXPORT_VERSION, exportedAt: 'x', schoolId: school };
    expect(() => parseHeader({ ...header, format: 'other' })).toThrow('Not a school export');
    expect(() => parseHeader({ ...header, version: 1 })).toThrow('version 1 is not supported');
    expect(() => parseHeader({ ...header, schoolId: undefined })).toThrow('names its school');
    expect(() => parseChunk({ service: 'reporting', table: 'x', rows: [] }, 7)).toThrow('Line 7 of the school export names no service');
    expect(() => parseChunk({ service: 'journal', table: 'mark', rows: 'x' }, 8)).toThrow("Line 8 of the school export is not a table's rows");
  });

  it('R-DATA-2: an export in memory reads as a source chunk by chunk and collects back the same', async () => {
    expect(await collectSchoolExport(sourceOf(exportOf('x')))).toEqual(exportOf('x'));
  });

  it('R-DATA-2: the scope of the school is its pages and the students ever enrolled, each once', () => {
    expect(scopeOf(exportOf('x').services.identity)).toEqual({ pageIds: [page], studentIds: [student] });
  });
});
