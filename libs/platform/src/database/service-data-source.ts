import pg from 'pg';
import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';

// A DATE column is a school calendar date: keep it as 'YYYY-MM-DD', never a JS Date shifted by the server's zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);

export interface ServiceDatabase {
  url: string;
  schema: string;
  entities: MixedList<Function | string | EntitySchema>;
  migrations: MixedList<Function | string>;
  poolSize?: number;
}

/** One DataSource per service schema: its own migrations table, never `synchronize`. */
export function serviceDataSourceOptions(database: ServiceDatabase): DataSourceOptions {
  return {
    type: 'postgres',
    url: database.url,
    schema: database.schema,
    entities: database.entities,
    migrations: database.migrations,
    migrationsTableName: 'migrations',
    migrationsRun: false,
    synchronize: false,
    applicationName: `ej-${database.schema}`,
    extra: { max: database.poolSize ?? 10, options: `-c search_path=${database.schema}` },
  };
}
