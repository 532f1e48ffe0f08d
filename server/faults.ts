/**
 * Faults of the machine, not of the request: a full disk, a directory the server may not
 * write, a read-only volume, a PostgreSQL server it cannot reach. Each is recognised
 * whichever layer raised it (Node's fs, PGlite's WebAssembly file system, PostgreSQL) and
 * said once in words with what to do, never as `ErrnoError { errno: 51 }`; clients get 503.
 */

export type FaultKind = 'disk_full' | 'permission_denied' | 'read_only' | 'database_unreachable';

export interface Fault {
  kind: FaultKind;
  /** One line, in words, with what to do. */
  message: string;
}

export interface FaultContext {
  /** SILA_DATA_DIR, when the embedded database (or attachment files) live there. */
  dataDir?: string;
  /** DATABASE_URL (only its host and database name are ever written). */
  databaseUrl?: string;
}

/** Emscripten's errno numbers (PGlite's file system), as PGlite's build defines them. */
const EMSCRIPTEN_ERRNO: Record<number, string> = { 2: 'EACCES', 19: 'EDQUOT', 51: 'ENOSPC', 63: 'EPERM', 69: 'EROFS' };

const BY_CODE: Record<string, FaultKind> = {
  ENOSPC: 'disk_full',
  EDQUOT: 'disk_full',
  EACCES: 'permission_denied',
  EPERM: 'permission_denied',
  EROFS: 'read_only',
  ECONNREFUSED: 'database_unreachable',
  ENOTFOUND: 'database_unreachable',
  EAI_AGAIN: 'database_unreachable',
  ETIMEDOUT: 'database_unreachable',
  EHOSTUNREACH: 'database_unreachable',
  ENETUNREACH: 'database_unreachable',
  ECONNRESET: 'database_unreachable',
  // PostgreSQL SQLSTATEs: disk full; cannot connect now; admin/crash shutdown; bad
  // password; no such database.
  '53100': 'disk_full',
  '57P01': 'database_unreachable',
  '57P02': 'database_unreachable',
  '57P03': 'database_unreachable',
  '28P01': 'database_unreachable',
  '28000': 'database_unreachable',
  '3D000': 'database_unreachable',
};

function codeOf(error: unknown): string | undefined {
  const value = error as { code?: unknown; errno?: unknown; name?: unknown } | null;
  if (!value || typeof value !== 'object') return undefined;
  if (typeof value.code === 'string') return value.code;
  if (value.name === 'ErrnoError' && typeof value.errno === 'number') return EMSCRIPTEN_ERRNO[value.errno];
  return undefined;
}

function kindOf(error: unknown): FaultKind | undefined {
  // Errors wrapped by a layer (cause) or grouped (AggregateError from a failed connect).
  for (let current = error, depth = 0; current && depth < 4; depth++) {
    const byCode = codeOf(current);
    if (byCode && BY_CODE[byCode]) return BY_CODE[byCode];
    const message = current instanceof Error ? current.message : '';
    if (/no space left on device|disk quota exceeded/i.test(message)) return 'disk_full';
    if (/read-only file system/i.test(message)) return 'read_only';
    if (/permission denied/i.test(message) && !/for (table|schema|relation|sequence|function)/i.test(message))
      return 'permission_denied';
    const aggregate = (current as { errors?: unknown[] }).errors;
    if (Array.isArray(aggregate) && aggregate.length > 0) return kindOf(aggregate[0]);
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function databaseHost(url: string | undefined): string {
  if (!url) return 'the PostgreSQL server';
  try {
    const parsed = new URL(url);
    return `PostgreSQL at ${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname}`;
  } catch {
    return 'the PostgreSQL server in DATABASE_URL';
  }
}

/** The fault this error shows, in words, or undefined for anything else (a bug, bad input). */
export function describeFault(error: unknown, context: FaultContext): Fault | undefined {
  const kind = kindOf(error);
  if (!kind) return undefined;
  const dir = context.dataDir && context.dataDir !== 'memory://' ? context.dataDir : 'the data directory';
  const messages: Record<FaultKind, string> = {
    disk_full: context.databaseUrl
      ? `The disk is full (no space left on device) on ${databaseHost(context.databaseUrl)} or under ${dir}: free space or enlarge the volume. Until then submissions are refused with 503 and nothing already answered is lost.`
      : `The disk holding ${dir} is full (no space left on device): free space there or move SILA_DATA_DIR to a larger volume, then restart. Until then submissions are refused with 503 and nothing already answered is lost.`,
    permission_denied: `Sila may not write to ${dir} (permission denied): give the user running the server (uid ${process.getuid?.() ?? '?'}) write access to it (e.g. chown -R), or point SILA_DATA_DIR at a directory it owns.`,
    read_only: `${dir} is on a read-only file system: mount it read-write, or point SILA_DATA_DIR at a writable directory.`,
    database_unreachable: `${databaseHost(context.databaseUrl)} cannot be reached or refused the connection (${codeOf(error) ?? 'no answer'}): check that it is running, and the host, port, user, password and database name in DATABASE_URL.`,
  };
  return { kind, message: messages[kind] };
}

/** Says each kind of fault once an hour at most: a full disk must not flood the log. */
export class FaultLog {
  private readonly lastSaid = new Map<FaultKind, number>();

  constructor(
    private readonly context: FaultContext,
    private readonly write: (fault: Fault) => void,
    private readonly now: () => number = Date.now,
    private readonly quietMs = 60 * 60 * 1000,
  ) {}

  /** True when the error is a named fault (said, or said already recently). */
  report(error: unknown): boolean {
    const fault = describeFault(error, this.context);
    if (!fault) return false;
    const last = this.lastSaid.get(fault.kind);
    if (last === undefined || this.now() - last >= this.quietMs) {
      this.lastSaid.set(fault.kind, this.now());
      this.write(fault);
    }
    return true;
  }
}
