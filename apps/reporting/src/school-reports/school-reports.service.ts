import { Injectable } from '@nestjs/common';
import type { ExportedFile, RpcRequest, SchoolReportsRpc } from '#contracts';
import { renderClassAttendancePdf } from './class-attendance-pdf.js';
import { CompletenessService } from './completeness.service.js';
import { classAttendanceTables, completenessTables, safeName, schoolAttendanceTables, tablesFile } from './report-files.js';
import { SchoolAttendanceService } from './school-attendance.service.js';

/** The school reports as files: XLSX (or CSV) for every report, PDF for the class attendance sheet that is printed. */
@Injectable()
export class SchoolReportFiles {
  constructor(
    private readonly completeness: CompletenessService,
    private readonly attendance: SchoolAttendanceService,
  ) {}

  async completenessFile({ format, ...query }: RpcRequest<typeof SchoolReportsRpc.completenessFile>): Promise<ExportedFile> {
    const { report, timeZone } = await this.completeness.reportAndZone(query);
    return tablesFile(completenessTables(report, timeZone), format ?? 'xlsx', `Полнота и своевременность ${report.range.nameRu}`);
  }

  async attendanceFile({ schoolId, range, format }: RpcRequest<typeof SchoolReportsRpc.attendanceFile>): Promise<ExportedFile> {
    const report = await this.attendance.ofSchool(schoolId, range);
    return tablesFile(schoolAttendanceTables(report), format ?? 'xlsx', `Посещаемость ${report.range.nameRu}`);
  }

  async classAttendanceFile({ classId, range, format }: RpcRequest<typeof SchoolReportsRpc.classAttendanceFile>): Promise<ExportedFile> {
    const report = await this.attendance.ofClass(classId, range);
    const baseName = `Посещаемость ${report.className} ${report.range.nameRu}`;
    if (format === 'xlsx' || format === 'csv') return tablesFile(classAttendanceTables(report), format, baseName);
    const pdf = await renderClassAttendancePdf(report);
    return { fileName: `${safeName(baseName)}.pdf`, contentType: 'application/pdf', content: pdf.toString('base64') };
  }
}
