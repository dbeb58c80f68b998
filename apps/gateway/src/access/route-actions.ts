import { Injectable, type OnModuleInit, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { type ActionName, POLICY } from '#policy';
import { ACTION_METADATA } from './action.decorator.js';
import { isApiPath } from './api-path.js';
import { RESOURCE_METADATA, type ResourceLocator, resourceKindOf } from './resource-locator.js';

export interface RouteAction {
  method: string;
  path: string;
  action: ActionName | undefined;
  /** Where the route finds the resource its action is about (routes whose action is about a resource). */
  resource: ResourceLocator | undefined;
}

/** Every HTTP route of the app's controllers with the action it names (if any). */
@Injectable()
export class RouteActions implements OnModuleInit {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  /**
   * Refuses to boot when an /api/v1 route names no action, or when a route's action is about a resource and the route
   * does not say where that resource is (a locator of the right kind on a parameter of its path): nothing reaches the
   * API unchecked.
   */
  onModuleInit(): void {
    const routes = this.list();
    const unlisted = routes.filter((route) => isApiPath(route.path) && !route.action);
    if (unlisted.length) {
      throw new Error(`Routes under /api/v1 without an @Action in the permission table: ${unlisted.map(describe).join(', ')}`);
    }
    const unlocated = routes.filter((route) => locatorProblem(route) !== null);
    if (unlocated.length) {
      throw new Error(`Routes whose action is about a resource they do not locate: ${unlocated.map((route) => `${describe(route)} (${locatorProblem(route)})`).join(', ')}`);
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
          const resource =
            this.reflector.get<ResourceLocator | undefined>(RESOURCE_METADATA, handler) ??
            this.reflector.get<ResourceLocator | undefined>(RESOURCE_METADATA, metatype);
          for (const methodPath of asArray(methodPaths)) {
            routes.push({ method, path: joinPath(controllerPath, methodPath), action, resource });
          }
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

function describe(route: RouteAction): string {
  return `${route.method} ${route.path}`;
}

/** What is wrong with where the route finds its action's resource; null when nothing is. */
function locatorProblem({ action, resource, path }: RouteAction): string | null {
  if (!action) return null;
  const kind = POLICY[action].resource;
  if (kind === null || kind === 'public') return resource ? `${action} is about no resource, yet the route names one` : null;
  if (!resource) return `${action} is about a ${kind} and names no ResourceLocator`;
  if (resourceKindOf(resource) !== kind) return `${action} is about a ${kind}, the locator finds a ${resourceKindOf(resource)}`;
  if (!path.split('/').includes(`:${resource.param}`)) return `the path has no parameter :${resource.param}`;
  return null;
}
