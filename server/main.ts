/**
 * Starts the reference server: reads the environment, opens and migrates the database,
 * listens, and shuts down cleanly on SIGINT/SIGTERM.
 *   node --import tsx server/main.ts
 */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.js';
import { ensureFirstAdmin } from './auth/first-admin.js';
import { purgeExpiredSessions } from './auth/sessions.js';
import { purgeSignInFailures } from './auth/throttle.js';
import { ConfigError, loadAssociationConfig, readServerConfig } from './config.js';
import { corsStartupNotes } from './http/cors.js';
import { proxyStartupNotes } from './http/client-ip.js';
import { sqlState } from './db/database.js';
import { MEMORY, openDatabase } from './db/open.js';
import { describeFault, FaultLog } from './faults.js';
import { AttachmentFiles } from './storage/attachment-files.js';
import { enableOnlineBackup } from './backup/online.js';
import { openStaffDatabase } from './db/pools.js';
import { purgeIdempotencyKeys } from './idempotency.js';
import { dailyRetention, purgeLookupFailures } from './maintenance.js';
import { prepareNotifications } from './notify/start.js';
import { dataKeyProblem, dataKeyWarning } from './privacy/data-key.js';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

// A parent that stops reading our output (a harness that gave up waiting) closes the pipe:
// that must not crash a server that is otherwise fine.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

async function main(): Promise<void> {
  const config = readServerConfig();
  // Before the database opens: nothing may be sealed under the public development key.
  const keyProblem = dataKeyProblem();
  if (keyProblem) throw new ConfigError(keyProblem);
  const formConfig = loadAssociationConfig(config.configPath);
  const notifications = prepareNotifications(config.configPath);
  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    pools: config.pools,
    migrateUrl: config.migrateUrl,
  });
  const staffDb = await openStaffDatabase(db, { databaseUrl: config.databaseUrl, pools: config.pools });
  // The embedded database on disk keeps attachments as files beside it (server/storage/).
  const attachmentFiles =
    !config.databaseUrl && config.dataDir !== MEMORY
      ? new AttachmentFiles(join(config.dataDir, 'attachments'))
      : undefined;
  await attachmentFiles?.prepare();
  // `npm run backup` reaches the process that owns the embedded database (server/backup/).
  const backupOff =
    !config.databaseUrl && config.dataDir !== MEMORY
      ? enableOnlineBackup(db, config.dataDir, attachmentFiles?.dir)
      : () => {};
  const faults = new FaultLog({ dataDir: config.dataDir, databaseUrl: config.databaseUrl }, (fault) =>
    console.error(`Sila server: ${fault.message}`),
  );
  if (config.firstAdmin && (await ensureFirstAdmin(db, config.firstAdmin))) {
    console.log(`First admin account created for ${config.firstAdmin.email} (sign in at /staff/).`);
  }

  const app = createApp({
    db,
    staffDb,
    formConfig,
    attachmentFiles,
    faults,
    adminToken: config.adminToken,
    allowedOrigins: config.allowedOrigins,
    staticRoot: config.serveStatic ? REPO_ROOT : undefined,
    trustedProxies: config.trustedProxies,
    trustProxy: config.trustProxy,
    statsCacheMs: config.statsCacheMs,
    staffConcurrency: config.staffConcurrency,
    limits: config.limits,
  });

  const maintenance = async () => {
    await purgeIdempotencyKeys(db).catch(() => {});
    await purgeLookupFailures(db).catch(() => {});
    await purgeExpiredSessions(db).catch(() => {});
    await purgeSignInFailures(db).catch(() => {});
    await attachmentFiles?.collectOrphans(db).catch((error: unknown) => faults.report(error));
    // Once a day across all instances (the first to claim the day runs it).
    await dailyRetention(db, formConfig.retention).catch((error: unknown) =>
      console.error(
        `Sila server: the retention job failed and runs again within the hour: ${(error as Error).message}`,
      ),
    );
  };
  void maintenance();
  const timer = setInterval(maintenance, 60 * 60 * 1000);
  timer.unref();

  const sender = notifications.start(db, formConfig);
  console.log(notifications.summary);

  // Before "listening", so `npm start` shows it above the demo address.
  for (const note of corsStartupNotes(config.allowedOrigins)) console.log(note);
  for (const note of proxyStartupNotes(config.trustedProxies, config.trustProxy)) console.log(note);
  const keyWarning = dataKeyWarning();
  if (keyWarning) console.warn(keyWarning);

  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info: AddressInfo) => {
    const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
    const storage = config.databaseUrl
      ? 'PostgreSQL'
      : config.dataDir === 'memory://'
        ? 'embedded, in memory'
        : `embedded, ${config.dataDir}`;
    console.log(`Sila server listening on http://${host}:${info.port} (database: ${storage})`);
    if (!config.adminToken) console.log('Staff API disabled: set SILA_ADMIN_TOKEN to enable it.');
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`Sila server stopping (${signal})`);
    clearInterval(timer);
    backupOff();
    // Give open requests a moment, then close the database whatever happens.
    const force = setTimeout(() => (server as { closeAllConnections?: () => void }).closeAllConnections?.(), 5_000);
    force.unref();
    server.close(() => {
      // The message in flight finishes (or its lease returns it to the outbox).
      void sender
        .stop()
        .finally(() => Promise.all([db.close(), staffDb !== db ? staffDb.close() : undefined]))
        .then(
          () => process.exit(0),
          () => process.exit(0),
        );
    });
    (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  const fault = describeFault(error, { dataDir: process.env.SILA_DATA_DIR, databaseUrl: process.env.DATABASE_URL });
  if (fault) console.error(`Sila server cannot start: ${fault.message}`);
  else if (error instanceof ConfigError) console.error(`Sila server: ${error.message}`);
  else if (sqlState(error))
    console.error(`Sila server failed to start: database error ${sqlState(error)}: ${(error as Error).message}`);
  else console.error('Sila server failed to start:', error);
  process.exit(1);
});
