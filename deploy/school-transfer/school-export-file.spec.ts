import { describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCHOOL_EXPORT_FORMAT, SCHOOL_EXPORT_VERSION } from '#contracts';
import { parseSchoolExport, readSchoolExport, type SchoolExport, scopeOf, writeSchoolExport } from './school-export-file.js';

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
      planning: { lesson: [] },
      journal: { mark: [{ id: 'm1', value: 5, at: '2026-12-03T05:00:00.123456+00:00' }] },
      attendance: {},
    },
  };
}

describe('the school export file (R-DATA-2)', () => {
  it('R-DATA-2: the same data makes the same bytes, the moment of the export aside, and reads back unchanged', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'school-export-'));
    try {
      const [first, second] = [join(folder, 'a.json.gz'), join(folder, 'b.json.gz')];
      await writeSchoolExport(first, exportOf('2026-12-03T10:00:00.000Z'));
      await writeSchoolExport(second, exportOf('2026-12-03T10:00:00.000Z'));
      expect(await readFile(first)).toEqual(await readFile(second));
      expect(await readSchoolExport(first)).toEqual(exportOf('2026-12-03T10:00:00.000Z'));
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('R-DATA-2: a file of another format or version, or without a service, is refused', () => {
    expect(() => parseSchoolExport({ ...exportOf('x'), format: 'other' })).toThrow('Not a school export');
    expect(() => parseSchoolExport({ ...exportOf('x'), version: 2 })).toThrow('version 2 is not supported');
    const { attendance: _attendance, ...three } = exportOf('x').services;
    expect(() => parseSchoolExport({ ...exportOf('x'), services: three })).toThrow('lacks the attendance service');
  });

  it('R-DATA-2: the scope of the school is its pages and the students ever enrolled, each once', () => {
    expect(scopeOf(exportOf('x').services.identity)).toEqual({ pageIds: [page], studentIds: [student] });
  });
});
