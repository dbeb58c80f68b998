import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { type ActionName, isPublicAction, rolesAllowed } from './permission-table.js';

export const ACTION_METADATA = 'ej:action';

/** Names the action a route takes; the AccessGuard checks it against the permission table. */
export function Action(action: ActionName): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(ACTION_METADATA, action),
    ApiExtension('x-action', action),
    ApiExtension('x-roles', isPublicAction(action) ? 'public' : rolesAllowed(action)),
  );
}
