/** What every route receives: the dependencies and the Hono environment type. */
import type { FormConfig } from '../src/contract/form-config.js';
import type { StaffActor } from './auth/actor.js';
import type { Database } from './db/database.js';
import type { Limits } from './limits.js';
import type { AttachmentFiles } from './storage/attachment-files.js';
import type { FaultLog } from './faults.js';
import type { CounterStore } from './http/counter-store.js';
import type { FixedWindowLimit, InFlightLimit } from './http/rate-limit.js';
import type { ResultCache } from './reports/result-cache.js';
import type { StaffStats } from '../src/contract/staff.js';

export interface LogLine {
  method: string;
  route: string;
  status: number;
  ms: number;
  reference?: string;
}

/** A configuration problem seen at run time (never personal data). */
export interface WarningLine {
  warning: string;
  message: string;
  /** The refused browser origin (scheme://host[:port]). */
  origin?: string;
}

/** An unexpected error (a bug): what identifies it, never the data (messages can quote submitted values). */
export interface ErrorLine {
  error: string;
  sqlState?: string;
  /** The first stack frame. */
  at?: string;
  method: string;
  route: string;
}

export interface AppDeps {
  db: Database;
  /**
   * Staff and report reads (inbox, case view, statistics, reports, export): their own pool
   * or a read replica on PostgreSQL, so they never starve public creates. Defaults to db
   * (the embedded database has one connection).
   */
  staffDb?: Database;
  formConfig: FormConfig;
  /**
   * Where attachments are kept as files (the embedded database on disk: server/storage/).
   * Without it their bytes go in the database rows.
   */
  attachmentFiles?: AttachmentFiles;
  /** Says a full disk, a permission or an unreachable database once, in words (server/faults.ts). */
  faults?: FaultLog;
  /** Staff API bearer token; without one the staff API answers 503. */
  adminToken?: string;
  /** Exact origins allowed by CORS; '*' allows any. */
  allowedOrigins: readonly string[];
  /** Serve dist/ and demo/ from this directory (the repository root), or not at all. */
  staticRoot?: string;
  /**
   * Proxies (CIDRs or addresses) whose X-Forwarded-For / Forwarded headers are read: the
   * client is the right-most hop that is not one of them. Empty: headers ignored.
   */
  trustedProxies?: readonly string[];
  /** Deprecated (SILA_TRUST_PROXY=1): trusts a proxy on this machine only (loopback). */
  trustProxy?: boolean;
  /** Where per-client counters live; default: PostgreSQL when db is PostgreSQL, else memory. */
  counters?: CounterStore;
  limits: Limits;
  /** One line per request; defaults to JSON on stdout. */
  log?: (line: LogLine) => void;
  /** Configuration warnings (e.g. an origin CORS refused); defaults to JSON on stderr. */
  warn?: (line: WarningLine) => void;
  /** Unexpected errors (answered 500); defaults to JSON on stderr. */
  error?: (line: ErrorLine) => void;
  /** The clock (tests move it). */
  now?: () => Date;
  /** SILA_STATS_CACHE_MS: identical statistics answers are reused this long (server/reports/result-cache.ts); unset: never. */
  statsCacheMs?: number;
  /** SILA_STAFF_CONCURRENCY: staff requests handled at once (server/http/staff-lane.ts); unset: no limit. */
  staffConcurrency?: number;
}

/** Per-process state built by createApp from the deps. */
export interface AppState extends AppDeps {
  now: () => Date;
  staffDb: Database;
  /** True when forwarding headers are read from some proxy (SILA_TRUSTED_PROXIES or the deprecated flag). */
  trustProxy: boolean;
  counters: CounterStore;
  postsPerIp: FixedWindowLimit;
  lookupFailuresPerIp: FixedWindowLimit;
  inFlight: InFlightLimit;
  statsCache: ResultCache<StaffStats>;
}

export type AppEnv = {
  Variables: {
    /** The reference a request created or touched: the one identifier the log may carry. */
    reference?: string;
    /** The client's address (audit rows); resolved through trusted proxies only. */
    clientIp: string;
    /** What per-client limits count by: the IPv4 address or the IPv6 /64. */
    clientKey: string;
    /** The connection comes from a listed proxy: its X-Forwarded-* headers may be read. */
    viaTrustedProxy: boolean;
    /** True when the request carries the valid staff token. */
    staff?: boolean;
    /** Who calls /v1/staff/*: set by the staff authentication middleware (server/auth/). */
    actor?: StaffActor;
  };
};
