import { DataSource } from 'typeorm';
import { type ServiceDatabase, serviceDataSourceOptions } from './service-data-source.js';

/** The migration command of a service: applies its pending migrations in its own schema, then exits. */
export async function runMigrations(database: ServiceDatabase): Promise<string[]> {
  const dataSource = new DataSource(serviceDataSourceOptions({ ...database, poolSize: 1 }));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}
