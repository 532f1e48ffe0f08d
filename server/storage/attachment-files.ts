/**
 * Attachments kept as files beside the embedded database, named by their sha256
 * (content-addressed: the same document sent twice is stored once).
 *
 * Why outside the database: PGlite runs PostgreSQL in WebAssembly on the thread that
 * answers requests, and a 15 MiB bytea costs it seconds of CPU to write and again to
 * read; every other client waits meanwhile. A file costs a stream copy and an fsync.
 *
 * Order of writes: the body is streamed to a temporary file, renamed to its final
 * name and fsynced (file and directory) before the record's transaction starts, so a
 * committed row always has its file. A file whose transaction then fails (or whose
 * submission was refused or erased) is an orphan: collectOrphans removes it once it is
 * older than the grace period and no row names it.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import type { Queryable } from '../db/database.js';

/** Long enough for any request to go from "file written" to "transaction committed". */
export const ORPHAN_GRACE_MS = 60 * 60 * 1000;
const SHA256_HEX = /^[0-9a-f]{64}$/;

async function fsyncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** One file being received: bytes are hashed and written as they arrive. */
export interface IncomingFile {
  write(chunk: Uint8Array): Promise<void>;
  /** Moves the file to its content address (durably); returns its sha256 and size. */
  finish(): Promise<{ sha256: string; size: number }>;
  /** Drops a partial file (a refused body). */
  abort(): Promise<void>;
}

export class AttachmentFiles {
  readonly dir: string;
  private readonly tmpDir: string;

  constructor(dir: string) {
    this.dir = dir;
    this.tmpDir = join(dir, 'tmp');
  }

  /** Creates the directories and clears temporary files left by a crash. */
  async prepare(): Promise<void> {
    await rm(this.tmpDir, { recursive: true, force: true });
    await mkdir(this.tmpDir, { recursive: true });
  }

  pathOf(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) throw new Error('not a sha256');
    return join(this.dir, sha256.slice(0, 2), sha256);
  }

  async read(sha256: string): Promise<Buffer> {
    return readFile(this.pathOf(sha256));
  }

  async exists(sha256: string): Promise<boolean> {
    return stat(this.pathOf(sha256)).then(
      () => true,
      () => false,
    );
  }

  async receive(): Promise<IncomingFile> {
    await mkdir(this.tmpDir, { recursive: true });
    const tmp = join(this.tmpDir, randomUUID());
    const out: WriteStream = createWriteStream(tmp, { flags: 'wx' });
    const opened = new Promise<void>((resolve, reject) => {
      out.once('open', () => resolve());
      out.once('error', reject);
    });
    let failure: Error | undefined;
    out.on('error', (error) => (failure ??= error));
    await opened;
    const hash = createHash('sha256');
    let size = 0;
    const closeStream = () =>
      new Promise<void>((resolve, reject) => {
        if (out.closed) return failure ? reject(failure) : resolve();
        out.end(() => (failure ? reject(failure) : resolve()));
      });
    return {
      write: async (chunk) => {
        if (failure) throw failure;
        hash.update(chunk);
        size += chunk.byteLength;
        // Honour back-pressure: the request stream pauses while the disk catches up.
        if (!out.write(chunk)) {
          await new Promise<void>((resolve, reject) => {
            const onError = (error: Error) => reject(error);
            out.once('error', onError);
            out.once('drain', () => {
              out.off('error', onError);
              resolve();
            });
          });
        }
      },
      finish: async () => {
        await closeStream();
        const sha256 = hash.digest('hex');
        const target = this.pathOf(sha256);
        await fsyncPath(tmp);
        await mkdir(join(this.dir, sha256.slice(0, 2)), { recursive: true });
        await rename(tmp, target);
        // A fresh mtime keeps an existing copy (deduplicated) out of the orphan sweep.
        const now = new Date();
        await utimes(target, now, now);
        await fsyncPath(join(this.dir, sha256.slice(0, 2)));
        return { sha256, size };
      },
      abort: async () => {
        out.destroy();
        await rm(tmp, { force: true });
      },
    };
  }

  /**
   * Removes files no attachments row names, once older than the grace period. Returns how
   * many it removed. Safe on several instances: a file is only ever removed when unused.
   */
  async collectOrphans(db: Queryable, now = Date.now(), graceMs = ORPHAN_GRACE_MS): Promise<number> {
    let removed = 0;
    const buckets = await readdir(this.dir).catch(() => [] as string[]);
    for (const bucket of buckets) {
      if (!/^[0-9a-f]{2}$/.test(bucket)) continue;
      const names = await readdir(join(this.dir, bucket)).catch(() => [] as string[]);
      for (const name of names) {
        if (!SHA256_HEX.test(name)) continue;
        const path = join(this.dir, bucket, name);
        const info = await stat(path).catch(() => undefined);
        if (!info || now - info.mtimeMs < graceMs) continue;
        const { rows } = await db.query('SELECT 1 FROM attachments WHERE sha256 = $1 AND data IS NULL LIMIT 1', [name]);
        if (rows.length > 0) continue;
        await rm(path, { force: true });
        removed++;
      }
    }
    return removed;
  }
}
