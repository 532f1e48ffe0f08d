// An initialised, empty PGlite data directory kept on disk for the tests. PGlite.create()
// runs initdb in WASM: seconds per process on a quiet machine, 17 s at load 17, and every
// test file and every test server is a process of its own. Loading this tarball instead
// takes a fraction of that. Keyed by PGlite's version; written atomically, so processes
// starting together at worst each make it once. In-memory test databases only: the test
// helpers load it themselves, and server/db/pglite.ts does when SILA_TEST_PGLITE_TEMPLATE names it.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

export function pgliteTemplatePath() {
  const { version } = JSON.parse(readFileSync(join(root, 'node_modules/@electric-sql/pglite/package.json'), 'utf8'));
  return join(root, 'node_modules', '.cache', 'sila-tests', `pglite-${version}-initdb.tar`);
}

/** The template's path, made first when missing (a fresh PGlite, dumped). */
export async function ensurePgliteTemplate() {
  const path = pgliteTemplatePath();
  if (existsSync(path)) return path;
  const { PGlite } = await import('@electric-sql/pglite');
  const pg = await PGlite.create({ dataDir: 'memory://' });
  try {
    const tarball = Buffer.from(await (await pg.dumpDataDir('none')).arrayBuffer());
    mkdirSync(dirname(path), { recursive: true });
    const partial = `${path}.${process.pid}.partial`;
    writeFileSync(partial, tarball);
    renameSync(partial, path);
  } finally {
    await pg.close();
  }
  return path;
}
