/**
 * Reads request bodies within limits and turns every kind of bad input into a 4xx
 * problem: wrong media type (415), too large (413), not UTF-8 / not JSON / too deep /
 * forbidden keys (400).
 */
import type { Context } from 'hono';
import { HttpProblem } from './problem.js';
import { JsonRejected, canonicalJson, parseStrictJson, sha256Hex } from './json.js';
import type { Limits } from '../limits.js';

export interface UploadedFile {
  /** The form field, e.g. "attachment:id_copy". */
  field: string;
  /** The attachment kind from the field name, e.g. "id_copy". */
  kind: string;
  bytes: Uint8Array;
}

export interface ParsedBody {
  json: unknown;
  files: UploadedFile[];
  /** sha256 of the canonical body (JSON payload plus file digests): for idempotency. */
  hash: string;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
/** Multipart framing (boundaries, part headers) on top of the payload and files. */
const MULTIPART_OVERHEAD = 64 * 1024;
export const ATTACHMENT_FIELD = /^attachment:([a-z0-9][a-z0-9_-]{0,63})$/;

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
    return parseStrictJson(text, limits.maxJsonDepth);
  } catch (error) {
    if (!(error instanceof JsonRejected)) throw error;
    const detail = {
      malformed_json: 'The body is not valid JSON.',
      nesting_too_deep: `The JSON nests deeper than ${limits.maxJsonDepth} levels.`,
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
export async function readCreateBody(c: Context, limits: Limits, maxFilesBytes: number): Promise<ParsedBody> {
  const { type, charset } = mediaType(c);
  if (isJsonType(type, charset)) {
    const json = decodeJson(await readLimited(c, limits.maxJsonBytes), limits);
    return { json, files: [], hash: sha256Hex(submissionHashInput(json)) };
  }
  if (type !== 'multipart/form-data') throw unsupported('application/json (UTF-8) or multipart/form-data');

  const limit = maxFilesBytes + limits.maxJsonBytes + MULTIPART_OVERHEAD;
  const raw = await readLimited(c, limit);
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(raw), {
      headers: { 'content-type': c.req.header('content-type')! },
    }).formData();
  } catch {
    throw new HttpProblem(400, { code: 'malformed_body', detail: 'The multipart body could not be parsed.' });
  }

  let payloadText: string | undefined;
  const files: UploadedFile[] = [];
  for (const [field, value] of form.entries()) {
    if (field === 'payload') {
      if (payloadText !== undefined)
        throw new HttpProblem(400, { code: 'malformed_body', detail: 'More than one payload field.' });
      payloadText = typeof value === 'string' ? value : await value.text();
      continue;
    }
    const match = ATTACHMENT_FIELD.exec(field);
    if (!match || typeof value === 'string') {
      throw new HttpProblem(400, {
        code: 'malformed_body',
        detail: 'Multipart fields must be `payload` (JSON) and files named `attachment:<kind>`.',
      });
    }
    files.push({ field, kind: match[1]!, bytes: new Uint8Array(await value.arrayBuffer()) });
  }
  if (payloadText === undefined)
    throw new HttpProblem(400, { code: 'malformed_body', detail: 'The `payload` field is missing.' });
  const payloadBytes = Buffer.from(payloadText, 'utf8');
  if (payloadBytes.byteLength > limits.maxJsonBytes) throw tooLarge(limits.maxJsonBytes);
  const json = decodeJson(payloadBytes, limits);
  const fileDigests = files.map((file) => `${file.field}=${sha256Hex(file.bytes)}`).sort();
  return { json, files, hash: sha256Hex(`${submissionHashInput(json)}\n${fileDigests.join('\n')}`) };
}
