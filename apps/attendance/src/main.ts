import 'reflect-metadata';
import { runService } from '#platform';
import { AttendanceModule } from './attendance.module.js';

await runService('attendance', (config) => AttendanceModule.forRoot(config));
