import 'reflect-metadata';
import { rebuildCommand, runAsProcess } from './read-model-admin.js';

/**
 * `npm run read-model:rebuild [-- --school <id>]`: reporting drops its read model and replays the whole event stream,
 * the command shows the backlog going down; once caught up the consistency check runs (every school, or the one
 * given). Exits 1 on a difference, 2 when the rebuild or the check could not run.
 */
await runAsProcess('read-model-rebuild', rebuildCommand);
