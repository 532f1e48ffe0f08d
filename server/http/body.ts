/**
 * Reads request bodies within limits and turns every kind of bad input into a 4xx
 * problem: wrong media type (415), too large (413), not UTF-8 / not JSON / too deep /
 * forbidden keys (400).
 */
import type { Context } from 'hono';
import { HttpProblem } from './problem.js';
import { JsonRejected, canonicalJson, parseStrictJson, sha256Hex } from './json.js';
import type { Limits } from '../limits.js';
import type { FormConfig } from '../../src/contract/form-config.js';
import type { AttachmentFiles } from '../storage/attachment-files.js';
import { readMultipart } from './multipart.js';
import { UploadGate, defaultUploadGate } from './upload-gate.js';

export interface UploadedFile {
  /** The form field, e.g. "attachment:id_copy". */
  field: string;
  /** The attachment kind from the field name, e.g. "id_copy". */
  kind: string;
  size: number;
  /** sha256 of the bytes, hex: computed while they streamed in. */
  sha256: string;
  /** The first bytes: enough to recognise the type by its signature. */
  head: Uint8Array;
  /**
   * The bytes, when they were kept in memory (PostgreSQL, in-memory PGlite). Absent when
   * they were streamed to the attachment files (the embedded database on disk).
   */
  bytes?: Uint8Array;
}

export interface ParsedBody {
  json: unknown;
  files: UploadedFile[];
  /** sha256 of the canonical body (JSON payload plus file digests): for idempotency. */
  hash: string;
}

/** How a multipart create is read: where files go and the limits enforced while reading. */
export interface UploadOptions {
  /** Stream files here; without it they are kept in memory (and stored in the database). */
  files?: AttachmentFiles;
  /** The association's limits, enforced as the bytes arrive (413 at the first one passed). */
  attachments?: Pick<FormConfig['attachments'], 'maxFiles' | 'maxFileBytes' | 'maxTotalBytes'>;
  /** Caps the uploads read at once (defaults to one gate per process). */
  gate?: UploadGate;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
/** Multipart framing (boundaries, part headers) on top of the payload and files. */
const MULTIPART_OVERHEAD = 64 * 1024;
export { ATTACHMENT_FIELD } from './multipart.js';

function mediaType(c: Context): { type: string; charset?: string } {
  const header = c.req.header('content-type') ?? '';
  const [type = '', ...params] = header.split(';');
  const charset = params
    .map((param) => param.trim().toLowerCase())
    .find((param) => param.startsWith('charset='))
    ?.slice('charset='.length)
    .replace(/"/g, '');
  return { type: type.trim().toLowerCase(), charset };
}

function unsupported(accepted: string): HttpProblem {
  return new HttpProblem(415, { code: 'unsupported_media_type', detail: `Send the body as ${accepted}.` });
}

function tooLarge(limit: number): HttpProblem {
  return new HttpProblem(413, { code: 'payload_too_large', detail: `The body is larger than ${limit} bytes.` });
}

/** Reads the raw body, stopping (413) as soon as it passes the limit. */
export async function readLimited(c: Context, limit: number): Promise<Buffer> {
  const declared = Number(c.req.header('content-length'));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  const stream = c.req.raw.body;
  if (!stream) return Buffer.alloc(0);
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let result: ReadableStreamReadResult<Uint8Array>;
    try {
      result = await reader.read();
    } catch {
      throw new HttpProblem(400, { code: 'malformed_body', detail: 'The body could not be read.' });
    }
    if (result.done) break;
    total += result.value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge(limit);
    }
    chunks.push(result.value);
  }
  return Buffer.concat(chunks);
}

function decodeJson(bytes: Uint8Array, limits: Limits): unknown {
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    throw new HttpProblem(400, { code: 'malformed_body', detail: 'The body is not valid UTF-8.' });
  }
  try {
    return parseStrictJson(text, { maxDepth: limits.maxJsonDepth, maxArrayLength: limits.maxJsonArrayLength });
  } catch (error) {
    if (!(error instanceof JsonRejected)) throw error;
    const detail = {
      malformed_json: 'The body is not valid JSON.',
      nesting_too_deep: `The JSON nests deeper than ${limits.maxJsonDepth} levels.`,
      array_too_long: `A JSON array has more than ${limits.maxJsonArrayLength} elements.`,
      forbidden_key: 'The JSON uses a reserved key (__proto__, constructor or prototype).',
      duplicate_key: 'The JSON gives the same key twice in one object.',
    }[error.reason];
    throw new HttpProblem(400, { code: error.reason, detail });
  }
}

function isJsonType(type: string, charset: string | undefined): boolean {
  return type === 'application/json' && (charset === undefined || charset === 'utf-8' || charset === 'utf8');
}

/** A JSON-only body (status lookup, staff updates). */
export async function readJson(c: Context, limits: Limits): Promise<unknown> {
  const { type, charset } = mediaType(c);
  if (!isJsonType(type, charset)) throw unsupported('application/json (UTF-8)');
  return decodeJson(await readLimited(c, limits.maxJsonBytes), limits);
}

/**
 * What identifies a submission for idempotency: the body without `client` (fill time,
 * captcha token), which a widget measures anew on every retry of the same submission.
 */
function submissionHashInput(json: unknown): string {
  if (json && typeof json === 'object' && !Array.isArray(json) && 'client' in json) {
    const { client: _client, ...rest } = json as Record<string, unknown>;
    return canonicalJson(rest);
  }
  return canonicalJson(json);
}

/** A create: JSON, or multipart/form-data with a `payload` JSON field and `attachment:<kind>` files. */
export async function readCreateBody(
  c: Context,
  limits: Limits,
  maxFilesBytes: number,
  upload: UploadOptions = {},
): Promise<ParsedBody> {
  const { type, charset } = mediaType(c);
  if (isJsonType(type, charset)) {
    const json = decodeJson(await readLimited(c, limits.maxJsonBytes), limits);
    return { json, files: [], hash: sha256Hex(submissionHashInput(json)) };
  }
  if (type !== 'multipart/form-data') throw unsupported('application/json (UTF-8) or multipart/form-data');

  const limit = maxFilesBytes + limits.maxJsonBytes + MULTIPART_OVERHEAD;
  const declared = Number(c.req.header('content-length'));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  const gate = upload.gate ?? defaultUploadGate();
  // The per-client share is counted by the key the limits use (IPv6 /64 grouped).
  const release = gate.enter((c as Context<{ Variables: { clientKey?: string } }>).get('clientKey'));
  try {
    const { payload, files } = await readMultipart(c.req.raw.body, c.req.header('content-type')!, {
      totalLimit: limit,
      maxJsonBytes: limits.maxJsonBytes,
      attachments: upload.attachments,
      store: upload.files,
      tooLarge: () => tooLarge(limit),
      payloadTooLarge: () => tooLarge(limits.maxJsonBytes),
    });
    const json = decodeJson(payload, limits);
    const fileDigests = files.map((file) => `${file.field}=${file.sha256}`).sort();
    return { json, files, hash: sha256Hex(`${submissionHashInput(json)}\n${fileDigests.join('\n')}`) };
  } finally {
    release();
  }
}
