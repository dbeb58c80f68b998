import type { MatrixWorld, ResourceKey, SignedInPersona } from './matrix-world.js';

/**
 * Which resource a request is about: the persona's own school's main one, someone else's in the same school, one of
 * another school, or one that does not exist. Routes whose action is about the caller only are tried once ('none').
 */
export type Variant = 'own' | 'other' | 'other-school' | 'missing' | 'none';

/** One request of the matrix. */
export interface MatrixRequest {
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /** Headers besides the session's, e.g. the Content-Type of a file sent as the body. */
  headers?: Record<string, string>;
  /** The resource the request is about (a key of the world's resources), or null when it does not exist or none. */
  resource: ResourceKey | null;
}

/**
 * How to call one route of the gateway in each variant, and what it answers when the policy allows it. Adding a route
 * to the gateway means adding one entry to the table of its area in ./routes: the matrix fails naming any route
 * without one.
 */
export interface RouteBuilder {
  variants: readonly Variant[];
  request(world: MatrixWorld, variant: Variant, persona: SignedInPersona | 'anonymous'): MatrixRequest;
  /** The status of an allowed request (default 200). */
  success?: number;
  /** Public routes: the status everybody gets, signed in or not (the policy does not look at the caller). */
  publicStatus?: number;
  /** The request ends the caller's session: it is sent with a fresh one. */
  endsSession?: boolean;
}

/** The key of a route in the builder tables: `METHOD /path/:param` as Nest declares it. */
export type RouteKey = `${'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'} /${string}`;

export type RouteBuilders = Record<RouteKey, RouteBuilder>;

export const RESOURCE_VARIANTS = ['own', 'other', 'other-school', 'missing'] as const satisfies readonly Variant[];

/** A uuid no resource has: the 'missing' variant of every kind. */
export const MISSING_ID = '0e0e0e0e-0000-4000-8000-00000000dead';

/** The resource of each variant for a route about one kind of resource; 'missing' is always MISSING_ID. */
export function variantsOf(resources: Partial<Record<Exclude<Variant, 'missing' | 'none'>, ResourceKey>>) {
  const variants: Variant[] = [...(Object.keys(resources) as Variant[]), 'missing'];
  const resourceOf = (variant: Variant): ResourceKey | null =>
    variant === 'missing' || variant === 'none' ? null : (resources[variant] ?? null);
  const idOf = (world: MatrixWorld, variant: Variant): string => {
    const key = resourceOf(variant);
    return key ? world.resources[key].id : MISSING_ID;
  };
  return { variants, resourceOf, idOf };
}

/** A route about the caller only (their own lessons, children, session). */
export function aboutTheCaller(path: string, options: Omit<RouteBuilder, 'variants' | 'request'> & { query?: Record<string, string> } = {}): RouteBuilder {
  const { query, ...rest } = options;
  return { variants: ['none'], request: () => ({ path, resource: null, ...(query ? { query } : {}) }), ...rest };
}
