/**
 * Reads a multipart/form-data create as it streams in (busboy), enforcing every limit
 * while reading: total bytes, part count, header size, payload size, file count, size
 * per file and in total. The first limit passed stops the reading at once (413), so a
 * body of 100 000 tiny parts costs a few parts of parsing, not the whole body.
 *
 * Files go to the attachment files (embedded database on disk) or to memory, hashed as
 * they arrive; only the first bytes are kept aside for the type check.
 */
import busboy from 'busboy';
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { FormConfig } from '../../src/contract/form-config.js';
import { fileTooLarge, filesTooLarge, tooManyFiles } from '../attachments.js';
import type { AttachmentFiles, IncomingFile } from '../storage/attachment-files.js';
import type { UploadedFile } from './body.js';
import { HttpProblem } from './problem.js';

export const ATTACHMENT_FIELD = /^attachment:([a-z0-9][a-z0-9_-]{0,63})$/;
/** Bytes kept for recognising the type: the longest signature is 8. */
const HEAD_BYTES = 16;
/** Without the association's limits (a route that takes no files), parts still end somewhere. */
const MAX_PARTS_WITHOUT_LIMITS = 32;
/** Headers per part: Content-Disposition and Content-Type are all a form sends. */
const MAX_HEADER_PAIRS = 8;

export interface MultipartLimits {
  totalLimit: number;
  maxJsonBytes: number;
  attachments?: Pick<FormConfig['attachments'], 'maxFiles' | 'maxFileBytes' | 'maxTotalBytes'>;
  store?: AttachmentFiles;
  tooLarge: () => HttpProblem;
  payloadTooLarge: () => HttpProblem;
}

function malformed(detail: string): HttpProblem {
  return new HttpProblem(400, { code: 'malformed_body', detail });
}

const STRAY_FIELD = 'Multipart fields must be `payload` (JSON) and files named `attachment:<kind>`.';

/** Where one file's bytes go: the attachment files, or memory. */
interface Sink {
  write(chunk: Uint8Array): Promise<void>;
  finish(): Promise<{ sha256: string; size: number; bytes?: Uint8Array }>;
  abort(): Promise<void>;
}

function memorySink(): Sink {
  const chunks: Buffer[] = [];
  const hash = createHash('sha256');
  let size = 0;
  return {
    write: async (chunk) => {
      hash.update(chunk);
      size += chunk.byteLength;
      chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    },
    finish: async () => ({ sha256: hash.digest('hex'), size, bytes: new Uint8Array(Buffer.concat(chunks)) }),
    abort: async () => {
      chunks.length = 0;
    },
  };
}

function fileSink(incoming: IncomingFile): Sink {
  return { write: (chunk) => incoming.write(chunk), finish: () => incoming.finish(), abort: () => incoming.abort() };
}

export async function readMultipart(
  body: ReadableStream<Uint8Array> | null,
  contentType: string,
  options: MultipartLimits,
): Promise<{ payload: Uint8Array; files: UploadedFile[] }> {
  const sizes = options.attachments;
  const maxFiles = sizes ? sizes.maxFiles : MAX_PARTS_WITHOUT_LIMITS;
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { 'content-type': contentType },
      limits: {
        fieldNameSize: 80,
        fieldSize: options.maxJsonBytes + 1,
        // One more than allowed of each, so passing a limit is seen (and refused) at once.
        fields: 2,
        files: maxFiles + 2,
        parts: maxFiles + 3,
        headerPairs: MAX_HEADER_PAIRS,
      },
    });
  } catch {
    throw malformed('The multipart body has no boundary.');
  }

  let failure: HttpProblem | undefined;
  let signalFailure: () => void = () => {};
  const failed = new Promise<void>((resolve) => (signalFailure = resolve));
  const fail = (problem: HttpProblem) => {
    failure ??= problem;
    signalFailure();
  };

  let payload: Uint8Array | undefined;
  let fileCount = 0;
  let filesTotal = 0;
  const sinks: Sink[] = [];
  const streams: Readable[] = [];
  const tasks: Promise<void>[] = [];
  const files: UploadedFile[] = [];

  const takePayload = (bytes: Uint8Array) => {
    if (payload !== undefined) return fail(malformed('More than one payload field.'));
    if (bytes.byteLength > options.maxJsonBytes) return fail(options.payloadTooLarge());
    payload = bytes;
  };

  parser.on('field', (name, value, info) => {
    if (failure) return;
    if (name !== 'payload') return fail(malformed(STRAY_FIELD));
    if (info.valueTruncated) return fail(options.payloadTooLarge());
    takePayload(Buffer.from(value, 'utf8'));
  });

  parser.on('file', (name, stream: Readable) => {
    // Destroying the parser on a refusal errors the open file streams: nobody needs to hear it.
    stream.on('error', () => {});
    if (failure) return void stream.resume();
    if (name === 'payload') {
      // A payload sent as a file part: the same JSON, read within the JSON limit.
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.byteLength;
        if (size > options.maxJsonBytes) fail(options.payloadTooLarge());
        else chunks.push(chunk);
      });
      stream.on('end', () => {
        if (!failure) takePayload(Buffer.concat(chunks));
      });
      return;
    }
    const match = ATTACHMENT_FIELD.exec(name);
    if (!match) {
      stream.resume();
      return fail(malformed(STRAY_FIELD));
    }
    fileCount++;
    if (sizes && fileCount > sizes.maxFiles) {
      stream.resume();
      return fail(tooManyFiles(sizes));
    }
    const kind = match[1]!;
    streams.push(stream);
    tasks.push(
      (async () => {
        let sink: Sink | undefined;
        try {
          sink = options.store ? fileSink(await options.store.receive()) : memorySink();
        } catch (error) {
          stream.resume();
          throw error;
        }
        sinks.push(sink);
        let size = 0;
        let head = new Uint8Array(0);
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          if (failure) break;
          size += chunk.byteLength;
          filesTotal += chunk.byteLength;
          if (sizes && size > sizes.maxFileBytes) return fail(fileTooLarge(sizes, [kind]));
          if (sizes && filesTotal > sizes.maxTotalBytes) return fail(filesTooLarge(sizes));
          if (head.byteLength < HEAD_BYTES) {
            head = new Uint8Array(Buffer.concat([head, chunk.subarray(0, HEAD_BYTES - head.byteLength)]));
          }
          await sink.write(chunk);
        }
        if (failure) return;
        const done = await sink.finish();
        files.push({ field: name, kind, size: done.size, sha256: done.sha256, head, bytes: done.bytes });
      })().catch((error: unknown) => {
        // A file-system error is the disk's (503, named in the log); anything else is the framing.
        const fromDisk = typeof (error as { syscall?: unknown } | null)?.syscall === 'string';
        fail(fromDisk ? new StorageFailure(error) : malformed('The multipart body could not be parsed.'));
      }),
    );
  });

  parser.on('partsLimit', () => fail(sizes ? tooManyFiles(sizes) : options.tooLarge()));
  parser.on('filesLimit', () => fail(sizes ? tooManyFiles(sizes) : options.tooLarge()));
  parser.on('fieldsLimit', () => fail(malformed('More than one payload field.')));
  const closed = new Promise<void>((resolve) => {
    parser.on('close', resolve);
    parser.on('error', () => {
      fail(malformed('The multipart body could not be parsed.'));
      resolve();
    });
  });

  const reader = body?.getReader();
  let total = 0;
  try {
    while (reader && !failure) {
      let result: ReadableStreamReadResult<Uint8Array>;
      try {
        result = await reader.read();
      } catch {
        fail(malformed('The body could not be read.'));
        break;
      }
      if (result.done) break;
      total += result.value.byteLength;
      if (total > options.totalLimit) {
        fail(options.tooLarge());
        break;
      }
      if (!parser.write(result.value)) {
        await Promise.race([new Promise((resolve) => parser.once('drain', resolve)), failed, closed]);
      }
    }
    if (!failure) {
      parser.end();
      await Promise.race([closed, failed]);
      await Promise.all(tasks);
    }
  } finally {
    if (failure) {
      await reader?.cancel().catch(() => {});
      // Ends every file loop still waiting for bytes, so its partial file can be dropped.
      for (const stream of streams) stream.destroy();
      parser.destroy();
      await Promise.all(tasks);
      await Promise.all(sinks.map((sink) => sink.abort().catch(() => {})));
    }
  }
  if (failure) throw failure;
  if (payload === undefined) throw malformed('The `payload` field is missing.');
  return { payload, files };
}

/** The file store failed (disk full, permissions): not the client's fault. */
export class StorageFailure extends HttpProblem {
  constructor(override readonly cause: unknown) {
    super(503, {
      code: 'service_unavailable',
      detail: 'Files cannot be stored right now. Try again shortly.',
      headers: { 'Retry-After': '30' },
    });
  }
}
