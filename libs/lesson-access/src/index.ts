export * from './accessible-lesson.js';
export * from './assert-conducted.js';
export * from './assert-enrolled.js';
export * from './lesson-access.module.js';
export * from './lesson-access.service.js';
