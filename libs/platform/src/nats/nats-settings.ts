/** Where NATS is and which subject prefix this deployment owns (one NATS may serve several deployments). */
export interface NatsSettings {
  url: string;
  prefix: string;
}

export function prefixed(settings: Pick<NatsSettings, 'prefix'>, subject: string): string {
  return `${settings.prefix}.${subject}`;
}
