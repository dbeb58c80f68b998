import type { TestServiceSpec } from '#testing';
import { AttendanceModule } from './attendance.module.js';
import { attendanceDatabase } from './database/attendance-database.js';

export const attendanceServiceSpec: TestServiceSpec = {
  name: 'attendance',
  schema: 'attendance',
  database: attendanceDatabase,
  module: (config) => AttendanceModule.forRoot(config),
};
