import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiCookieAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { ApiClient, ApiClientsRpc, CreatedApiClient, Id, NewApiClient } from '#contracts';
import { RpcClient } from '#platform';
import { Action } from '../access/action.decorator.js';
import { TokenStore } from '../tokens/token-store.js';

const ClientParams = z.object({ clientId: Id });
const ApiClientList = z.object({ clients: z.array(ApiClient) }).meta({ id: 'ApiClientList' });

@ApiTags('Внешние системы')
@ApiCookieAuth()
@Controller('api/v1/admin/api-clients')
export class AdminApiClientsController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly tokens: TokenStore,
  ) {}

  @Post()
  @HttpCode(201)
  @Action('api-clients.create')
  @ApiSecurity('csrf')
  @ApiOperation({
    summary: 'Создать клиента внешней системы (муниципальный портал)',
    description: 'Клиент получает токен по client credentials (POST /api/v1/auth/token). Секрет показывается один раз.',
  })
  @ApiCreatedResponse({ standardSchema: CreatedApiClient })
  create(@Body({ schema: NewApiClient }) body: z.infer<typeof NewApiClient>, @Res({ passthrough: true }) reply: FastifyReply): Promise<CreatedApiClient> {
    void reply.header('cache-control', 'no-store');
    return this.rpc.call(ApiClientsRpc.create, body);
  }

  @Get()
  @Action('api-clients.list')
  @ApiOperation({ summary: 'Клиенты внешних систем моих школ' })
  @ApiOkResponse({ standardSchema: ApiClientList })
  list(): Promise<{ clients: ApiClient[] }> {
    return this.rpc.call(ApiClientsRpc.list, {});
  }

  @Post(':clientId/revoke')
  @HttpCode(200)
  @Action('api-clients.revoke')
  @ApiSecurity('csrf')
  @ApiOperation({ summary: 'Отозвать доступ внешней системы: её токены перестают действовать сразу' })
  @ApiOkResponse({ standardSchema: ApiClient })
  async revoke(@Param({ schema: ClientParams }) params: z.infer<typeof ClientParams>): Promise<ApiClient> {
    const client = await this.rpc.call(ApiClientsRpc.revoke, { clientId: params.clientId });
    await this.tokens.endClient(client.id);
    return client;
  }
}
