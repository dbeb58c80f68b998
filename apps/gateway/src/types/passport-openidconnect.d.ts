// passport-openidconnect 0.1.2 ships no type declarations: this is the part of its API the gateway uses.
declare module 'passport-openidconnect' {
  export interface StateContext {
    maxAge?: number;
    nonce?: string;
    issued?: Date | string;
  }

  /** Keeps the state of a login between the redirect to the provider and the callback. */
  export interface StateStore {
    store(
      request: unknown,
      context: StateContext,
      appState: unknown,
      meta: unknown,
      callback: (error: Error | null, handle?: string) => void,
    ): void;
    verify(
      request: unknown,
      handle: string,
      callback: (error: Error | null, context?: StateContext | false, appState?: unknown) => void,
    ): void;
  }

  export interface StrategyOptions {
    issuer: string;
    authorizationURL: string;
    tokenURL: string;
    userInfoURL?: string;
    clientID: string;
    clientSecret: string;
    callbackURL: string;
    scope?: string | string[];
    store?: StateStore;
    nonce?: boolean;
    skipUserProfile?: boolean;
  }

  export interface Profile {
    id: string;
    displayName?: string;
  }

  export type VerifyCallback = (error: Error | null, user?: unknown, info?: unknown) => void;

  export class Strategy {
    /** The strategy passes the arguments the verify function declares: with five, the context and the raw ID token. */
    constructor(
      options: StrategyOptions,
      verify:
        | ((issuer: string, profile: Profile, done: VerifyCallback) => void)
        | ((issuer: string, profile: Profile, context: unknown, idToken: string, done: VerifyCallback) => void),
    );
    name: string;
    authenticate(request: unknown, options?: Record<string, unknown>): void;
  }
}
