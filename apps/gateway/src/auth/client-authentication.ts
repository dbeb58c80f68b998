import { z } from 'zod';
import { OAuthError } from './oauth-error.js';

export interface ClientCredentials {
  clientId: string;
  secret: string;
  method: 'basic' | 'post';
}

const ClientId = z.uuid();

function formDecoded(value: string): string | undefined {
  try {
    return decodeURIComponent(value.replaceAll('+', ' '));
  } catch {
    return undefined;
  }
}

function fromBasic(header: string): ClientCredentials {
  const encoded = /^Basic +([A-Za-z0-9+/=]+)\s*$/i.exec(header)?.[1];
  const decoded = encoded ? Buffer.from(encoded, 'base64').toString('utf8') : '';
  const separator = decoded.indexOf(':');
  // RFC 6749 §2.3.1: the id and the secret are form-encoded before they are joined.
  const clientId = separator > 0 ? formDecoded(decoded.slice(0, separator)) : undefined;
  const secret = separator > 0 ? formDecoded(decoded.slice(separator + 1)) : undefined;
  if (!clientId || !secret) throw new OAuthError('invalid_client', 'Неверная аутентификация клиента', 'basic');
  return { clientId, secret, method: 'basic' };
}

/**
 * The credentials of a confidential client from `Authorization: Basic` (client_secret_basic) or from the body
 * (client_secret_post); exactly one method (RFC 6749 §2.3).
 */
export function clientCredentialsOf(authorization: string | undefined, body: Record<string, string>): ClientCredentials {
  const inBody = body.client_secret !== undefined;
  if (authorization !== undefined && inBody) {
    throw new OAuthError('invalid_request', 'Используйте один способ аутентификации клиента');
  }
  const credentials: ClientCredentials | undefined =
    authorization !== undefined
      ? fromBasic(authorization)
      : inBody && body.client_id
        ? { clientId: body.client_id, secret: body.client_secret!, method: 'post' }
        : undefined;
  if (!credentials) throw new OAuthError('invalid_client', 'Нужна аутентификация клиента');
  if (!ClientId.safeParse(credentials.clientId).success || credentials.secret.length > 200) {
    throw new OAuthError('invalid_client', 'Неверный идентификатор клиента или секрет', credentials.method === 'basic' ? 'basic' : undefined);
  }
  return credentials;
}
