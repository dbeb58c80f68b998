import type { Clock } from './clock/clock.js';
import type { NatsSettings } from './nats/nats-settings.js';

export const PLATFORM_OPTIONS = Symbol('PLATFORM_OPTIONS');

export interface PlatformOptions {
  service: string;
  nats: NatsSettings;
  clock: Clock;
  rpcTimeoutMs?: number;
}
