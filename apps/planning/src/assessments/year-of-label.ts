import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type AcademicYear, DomainError, ErrorCode } from '#contracts';
import { AcademicYearEntity } from '../years/academic-year.entity.js';
import { YearsService } from '../years/years.service.js';

/** A school's year by its label (identity names a page's or a class's year by label: «2025/2026»). */
@Injectable()
export class YearOfLabel {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly years: YearsService,
  ) {}

  async find(schoolId: string, label: string): Promise<AcademicYear | null> {
    const year = await this.dataSource.getRepository(AcademicYearEntity).findOne({ select: { id: true }, where: { schoolId, label } });
    return year ? this.years.get(year.id) : null;
  }

  async get(schoolId: string, label: string): Promise<AcademicYear> {
    const year = await this.find(schoolId, label);
    if (!year) throw new DomainError(ErrorCode.NotFound, `Учебный год ${label} ещё не заведён в календаре школы`, { label });
    return year;
  }
}
