/**
 * npm run staff -- add|disable|enable|reset-password|list  (see scripts/staff-commands.ts)
 * Uses DATABASE_URL or SILA_DATA_DIR like the server. The embedded database (PGlite) is
 * one process at a time: stop the server first, or use PostgreSQL.
 */
import { ConfigError, readServerConfig } from '../server/config.js';
import { openDatabase } from '../server/db/open.js';
import { refusalMessage, runStaffCommand } from './staff-commands.js';

async function main(): Promise<number> {
  const config = readServerConfig();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await runStaffCommand(db, process.argv.slice(2), (line) => console.log(line));
    return 0;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof ConfigError ? error.message : refusalMessage(error);
    console.error(message ?? error);
    process.exit(message ? 2 : 1);
  },
);
