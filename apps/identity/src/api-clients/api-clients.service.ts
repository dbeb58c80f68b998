import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ArrayOverlap, DataSource } from 'typeorm';
import {
  type ApiClient,
  type ApiClientsRpc,
  type CreatedApiClient,
  DomainError,
  ErrorCode,
  type PersonActor,
  type Role,
  type RpcRequest,
  type VerifiedApiClient,
} from '#contracts';
import { Clock, currentPerson, requireSystemActor } from '#platform';
import { assertIdsExist } from '../loading/batch-checks.js';
import { ApiClientEntity } from './api-client.entity.js';
import { clientSecrets } from './client-secrets.js';

/** Who grants and revokes access (DOMAIN.md, roles): the system administrator and the IS coordinator of a school. */
const ADMINISTRATOR_ROLES: readonly Role[] = ['sysadmin', 'coordinator'];

const BAD_CREDENTIALS = 'Неверный идентификатор клиента или секрет';

function administeredSchools(actor: PersonActor): Set<string> {
  return new Set(actor.grants.filter((grant) => ADMINISTRATOR_ROLES.includes(grant.role)).map((grant) => grant.schoolId));
}

function currentAdministrator(): { actor: PersonActor; schools: Set<string> } {
  const actor = currentPerson();
  const schools = administeredSchools(actor);
  if (schools.size === 0) throw new DomainError(ErrorCode.Forbidden, 'Управлять доступом внешних систем могут только администраторы');
  return { actor, schools };
}

function toApiClient(entity: ApiClientEntity): ApiClient {
  return {
    id: entity.id,
    name: entity.name,
    scopes: entity.scopes,
    schoolIds: entity.schoolIds,
    status: entity.status,
    createdAt: entity.createdAt.toISOString(),
    revokedAt: entity.revokedAt?.toISOString() ?? null,
  };
}

/**
 * API clients of machine systems (the municipal portal): created and revoked by an administrator of every school the
 * client reaches; the secret is shown once and kept as a hash; the gateway verifies it for client credentials.
 */
@Injectable()
export class ApiClientsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Compared against when the client does not exist, so that an unknown id takes as long as a wrong secret. */
  private decoyHash?: Promise<string>;

  async create(request: RpcRequest<typeof ApiClientsRpc.create>): Promise<CreatedApiClient> {
    const { actor, schools } = currentAdministrator();
    const schoolIds = [...new Set(request.schoolIds)].sort();
    const foreign = schoolIds.filter((schoolId) => !schools.has(schoolId));
    if (foreign.length > 0) {
      throw new DomainError(ErrorCode.Forbidden, 'Доступ можно выдать только к школам, которые вы администрируете', {
        schoolIds: foreign,
      });
    }
    await assertIdsExist(this.dataSource.manager, 'school', schoolIds, 'Школа не найдена');
    const secret = clientSecrets.generate();
    const repository = this.dataSource.getRepository(ApiClientEntity);
    const entity = repository.create({
      id: randomUUID(),
      name: request.name.trim(),
      secretHash: await clientSecrets.hash(secret),
      scopes: [...new Set(request.scopes)].sort(),
      schoolIds,
      status: 'active',
      createdAt: this.clock.now(),
      createdBy: actor.personId,
      revokedAt: null,
      revokedBy: null,
    });
    await repository.insert(entity);
    return { client: toApiClient(entity), secret };
  }

  /** The clients that reach at least one school the administrator administers, oldest first. */
  async list(): Promise<{ clients: ApiClient[] }> {
    const { schools } = currentAdministrator();
    const entities = await this.dataSource.getRepository(ApiClientEntity).find({
      where: { schoolIds: ArrayOverlap([...schools]) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return { clients: entities.map(toApiClient) };
  }

  /** Revokes a client; only an administrator of every school it reaches may, and revoking twice changes nothing. */
  async revoke(clientId: string): Promise<ApiClient> {
    const { actor, schools } = currentAdministrator();
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(ApiClientEntity);
      const entity = await repository.findOne({ where: { id: clientId }, lock: { mode: 'pessimistic_write' } });
      // A client of other schools is answered exactly like a missing one.
      if (!entity || !entity.schoolIds.some((schoolId) => schools.has(schoolId))) {
        throw new DomainError(ErrorCode.NotFound, 'Клиент не найден');
      }
      if (!entity.schoolIds.every((schoolId) => schools.has(schoolId))) {
        throw new DomainError(ErrorCode.Forbidden, 'Клиент работает и с другими школами: отозвать его может их администратор');
      }
      if (entity.status === 'revoked') return toApiClient(entity);
      Object.assign(entity, { status: 'revoked', revokedAt: this.clock.now(), revokedBy: actor.personId });
      await repository.save(entity);
      return toApiClient(entity);
    });
  }

  /** The scopes and schools of an active client whose secret matches; UNAUTHENTICATED otherwise, whatever the reason. */
  async verify(request: RpcRequest<typeof ApiClientsRpc.verify>): Promise<VerifiedApiClient> {
    requireSystemActor();
    const entity = await this.dataSource.getRepository(ApiClientEntity).findOneBy({ id: request.clientId });
    const matches = await clientSecrets.verify(request.secret, entity?.secretHash ?? (await this.decoy()));
    if (!entity || !matches || entity.status !== 'active') throw new DomainError(ErrorCode.Unauthenticated, BAD_CREDENTIALS);
    return { clientId: entity.id, scopes: entity.scopes, schoolIds: entity.schoolIds };
  }

  private decoy(): Promise<string> {
    this.decoyHash ??= clientSecrets.hash(clientSecrets.generate());
    return this.decoyHash;
  }
}
