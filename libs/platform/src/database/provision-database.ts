import pg from 'pg';

export interface ServiceRole {
  schema: string;
  role: string;
  password: string;
}

function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unsafe SQL identifier: ${name}`);
  return `"${name}"`;
}

function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * Creates the database, and for each service a login role that owns its schema and nothing else.
 * Runs as an administrator (a deploy step or a Kubernetes Job); repeating it changes nothing.
 */
export async function provisionDatabase(adminUrl: string, database: string, roles: ServiceRole[]): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    // Roles are cluster-wide: serialise concurrent provisioning (parallel test files, several deploy jobs).
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', ['ej_provision']);
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${quoteIdent(database)}`);
    for (const { role, password } of roles) {
      const found = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
      const verb = found.rowCount === 0 ? 'CREATE' : 'ALTER';
      await admin.query(`${verb} ROLE ${quoteIdent(role)} LOGIN PASSWORD ${quoteLiteral(password)}`);
    }
  } finally {
    await admin.end();
  }

  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  const db = new pg.Client({ connectionString: url.toString() });
  await db.connect();
  try {
    await db.query(`REVOKE ALL ON DATABASE ${quoteIdent(database)} FROM PUBLIC`);
    await db.query('REVOKE ALL ON SCHEMA public FROM PUBLIC');
    for (const { schema, role } of roles) {
      await db.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${quoteIdent(database)} TO ${quoteIdent(role)}`);
      await db.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)} AUTHORIZATION ${quoteIdent(role)}`);
      await db.query(`ALTER SCHEMA ${quoteIdent(schema)} OWNER TO ${quoteIdent(role)}`);
      await db.query(`REVOKE ALL ON SCHEMA ${quoteIdent(schema)} FROM PUBLIC`);
      await db.query(`ALTER ROLE ${quoteIdent(role)} IN DATABASE ${quoteIdent(database)} SET search_path = ${quoteIdent(schema)}`);
    }
  } finally {
    await db.end();
  }
}

/**
 * Refreshes the planner's statistics for the whole database after a bulk load (the demo school, an imported school).
 * Autovacuum would do it in time where it is on; until then the reports' joins are planned for empty tables.
 */
export async function analyzeDatabase(adminUrl: string, database: string): Promise<void> {
  const url = new URL(adminUrl);
  url.pathname = `/${quoteIdent(database).slice(1, -1)}`;
  const db = new pg.Client({ connectionString: url.toString() });
  await db.connect();
  try {
    await db.query('ANALYZE');
  } finally {
    await db.end();
  }
}

/** The URL a service uses: the admin URL's host and database with the service's own role. */
export function serviceDatabaseUrl(adminUrl: string, database: string, role: ServiceRole): string {
  const url = new URL(adminUrl);
  url.username = role.role;
  url.password = role.password;
  url.pathname = `/${database}`;
  return url.toString();
}
