/**
 * The one place an attachment row is written and its bytes read back, wherever the bytes
 * live: in the row (PostgreSQL, in-memory PGlite) or in the attachment files (the
 * embedded database on disk, `data` NULL and the file named by `sha256`).
 */
import type { CheckedFile } from '../attachments.js';
import { randomId } from '../crypto.js';
import type { Queryable } from '../db/database.js';
import type { AttachmentFiles } from './attachment-files.js';

export interface StoredAttachment {
  id: string;
  kind: string;
  size: number;
}

/** Inserts the row of a checked file (its bytes already on disk when it was streamed there). */
export async function insertAttachment(
  tx: Queryable,
  reference: string,
  file: CheckedFile,
  at: Date,
): Promise<StoredAttachment> {
  const id = randomId();
  await tx.query(
    `INSERT INTO attachments (id, reference, kind, media_type, size, sha256, data, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [id, reference, file.kind, file.mediaType, file.size, file.sha256, file.bytes ?? null, at],
  );
  return { id, kind: file.kind, size: file.size };
}

/**
 * The bytes of an attachment row: its `data`, or the file its sha256 names. Throws when a
 * file-backed row is read by a server without the attachment files (misconfiguration).
 */
export async function attachmentBytes(
  row: { data: Uint8Array | null; sha256: string },
  files: AttachmentFiles | undefined,
): Promise<Uint8Array> {
  if (row.data) return row.data;
  if (!files) throw new Error('attachment stored as a file, but no attachment directory is configured');
  return files.read(row.sha256);
}
