// A throw-away PostgreSQL schema, so a benchmark starts from empty tables and can count
// exactly what it stored without touching anything else in the database.
import { randomUUID } from 'node:crypto';
import pg from 'pg';

async function withClient(databaseUrl, fn) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates the schema; returns a DATABASE_URL that puts the server's tables in it, and a drop(). */
export async function freshSchema(databaseUrl, prefix = 'sila_bench') {
  const schema = `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  await withClient(databaseUrl, (client) => client.query(`CREATE SCHEMA "${schema}"`));
  const url = new URL(databaseUrl);
  // libpq's `options` reaches the server as a startup parameter: every pooled connection gets it.
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    schema,
    url: url.toString(),
    drop: () => withClient(databaseUrl, (client) => client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)),
  };
}
