import { Injectable, type OnModuleInit, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ACTION_METADATA } from './action.decorator.js';
import { isApiPath } from './api-path.js';
import type { ActionName } from './permission-table.js';

export interface RouteAction {
  method: string;
  path: string;
  action: ActionName | undefined;
}

/** Every HTTP route of the app's controllers with the action it names (if any). */
@Injectable()
export class RouteActions implements OnModuleInit {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  /** Refuses to boot when an /api/v1 route names no action: nothing reaches the API unchecked. */
  onModuleInit(): void {
    const unlisted = this.list().filter((route) => isApiPath(route.path) && !route.action);
    if (unlisted.length) {
      const routes = unlisted.map((route) => `${route.method} ${route.path}`).join(', ');
      throw new Error(`Routes under /api/v1 without an @Action in the permission table: ${routes}`);
    }
  }

  list(): RouteAction[] {
    const routes: RouteAction[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const metatype = wrapper.metatype as Function | null;
      const instance = wrapper.instance as object | undefined;
      if (!metatype || !instance) continue;
      const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
      const classAction = this.reflector.get<ActionName | undefined>(ACTION_METADATA, metatype);
      for (const controllerPath of asArray(Reflect.getMetadata(PATH_METADATA, metatype))) {
        for (const name of this.scanner.getAllMethodNames(prototype)) {
          const handler = prototype[name];
          if (typeof handler !== 'function') continue;
          const methodPaths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
          if (methodPaths === undefined) continue;
          const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod] ?? 'GET';
          const action = this.reflector.get<ActionName | undefined>(ACTION_METADATA, handler) ?? classAction;
          for (const methodPath of asArray(methodPaths)) routes.push({ method, path: joinPath(controllerPath, methodPath), action });
        }
      }
    }
    return routes;
  }
}

function asArray(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return [typeof value === 'string' ? value : '/'];
}

function joinPath(...parts: string[]): string {
  const joined = parts.map((part) => part.replace(/^\/+|\/+$/g, '')).filter(Boolean).join('/');
  return `/${joined}`;
}
