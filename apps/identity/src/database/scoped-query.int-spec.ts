import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { type RunningService, RpcClient } from '#platform';
import { createTestDeployment, type TestDeployment, startTestService } from '#testing';
import { SchoolClassEntity } from '../classes/school-class.entity.js';
import { identityServiceSpec } from '../identity.service-spec.js';
import { loadSchool } from '../identity.test-kit.js';
import { scopedQuery } from './scoped-query.js';

/** A value meant to be a scope (an id, a date) that went missing on the way, as it would at run time. */
const missingScope = undefined as unknown as string;

describe('identity: a missing scope value never widens a query', () => {
  let deployment: TestDeployment;
  let identity: RunningService;
  let dataSource: DataSource;

  beforeAll(async () => {
    deployment = await createTestDeployment(['identity']);
    identity = await startTestService(identityServiceSpec, deployment);
    dataSource = identity.app.get(DataSource);
    await loadSchool(identity.app.get(RpcClient), 'test:school:scopes-1');
    await loadSchool(identity.app.get(RpcClient), 'test:school:scopes-2');
  });

  afterAll(async () => {
    await identity?.close();
    await deployment?.dispose();
  });

  it('a raw query with an undefined parameter fails instead of matching every row through NULL', async () => {
    const widening = 'SELECT id FROM school WHERE ($1::uuid IS NULL OR id = $1::uuid)';
    // What an unguarded query would do: every school comes back.
    await expect(dataSource.query(widening, [missingScope])).resolves.toHaveLength(2);
    await expect(scopedQuery(dataSource, widening, [missingScope])).rejects.toThrow('Query parameter $1 is undefined');
    await expect(scopedQuery(dataSource, widening, [null])).resolves.toHaveLength(2);
  });

  it('TypeORM find, update and delete refuse an undefined filter value (invalidWhereValuesBehavior defaults to throw)', async () => {
    const classes = dataSource.getRepository(SchoolClassEntity);
    await expect(classes.findOneBy({ id: missingScope })).rejects.toThrow();
    await expect(classes.find({ where: { classTeacherId: missingScope } })).rejects.toThrow();
    await expect(classes.delete({ schoolId: missingScope })).rejects.toThrow();
    await expect(classes.update({ schoolId: missingScope }, { letter: 'Я' })).rejects.toThrow();
  });
});
