import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { type ActionName, POLICY } from '#policy';
import { RESOURCE_METADATA, type ResourceLocator } from './resource-locator.js';

export const ACTION_METADATA = 'ej:action';

/** Names the action a route takes and where its resource is; the AccessGuard decides with the one policy table. */
export function Action(action: ActionName, resource?: ResourceLocator): MethodDecorator & ClassDecorator {
  const policy = POLICY[action];
  return applyDecorators(
    SetMetadata(ACTION_METADATA, action),
    ...(resource ? [SetMetadata(RESOURCE_METADATA, resource)] : []),
    ApiExtension('x-action', action),
    ApiExtension('x-policy', policy.resource === 'public' ? 'public' : policy.rules),
  );
}
