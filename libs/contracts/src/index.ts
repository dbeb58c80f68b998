import { z } from 'zod';

// People read validation messages: zod speaks Russian everywhere the contracts are loaded.
z.config(z.locales.ru());

export * from './common/index.js';
