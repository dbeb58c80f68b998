import type { LoggerService } from '@nestjs/common';

export interface DevIdpClient {
  clientId: string;
  clientSecret: string;
  redirectUris: readonly string[];
}

export interface DevIdpOptions {
  /** The issuer identifier; by default `http://<host>:<port>` of the started server (useful with port 0). */
  issuer?: string;
  port: number;
  host?: string;
  clients: readonly DevIdpClient[];
  redis: { url: string; keyPrefix: string };
  /** Bearer token of the admin API (`PUT /dev/users/:login`). */
  adminToken: string;
  logger?: LoggerService | false;
}

export interface RunningDevIdp {
  /** The issuer URL (also where the IdP listens). */
  url: string;
  close(): Promise<void>;
}
