/**
 * Attachment checks. The type is decided by the file's first bytes (its signature), never
 * by its name or the Content-Type the browser claims: an HTML page renamed id.jpg is
 * still HTML. Only PDF, JPEG and PNG are recognised at all; SVG (script-capable XML)
 * and HTML never pass.
 */
import type { FormConfig } from '../src/contract/form-config.js';
import type { FieldError } from '../src/contract/problem.js';
import type { UploadedFile } from './http/body.js';
import { HttpProblem } from './http/problem.js';

const SIGNATURES: { mediaType: string; bytes: number[] }[] = [
  { mediaType: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { mediaType: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { mediaType: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** The media type the bytes really are, or undefined for anything else. */
export function sniffMediaType(bytes: Uint8Array): string | undefined {
  return SIGNATURES.find((signature) => signature.bytes.every((byte, i) => bytes[i] === byte))?.mediaType;
}

export interface CheckedFile extends UploadedFile {
  mediaType: string;
}

const path = (file: UploadedFile) => `attachments.${file.kind}`;

type Sizes = Pick<FormConfig['attachments'], 'maxFiles' | 'maxFileBytes' | 'maxTotalBytes'>;

/** 413: more files than the association accepts (also raised while the body is read). */
export function tooManyFiles(config: Sizes): HttpProblem {
  return new HttpProblem(413, {
    code: 'too_many_files',
    detail: `At most ${config.maxFiles} files.`,
    errors: [{ path: 'attachments', code: 'too_large', message: `At most ${config.maxFiles} files.` }],
  });
}

/** 413: one file (or more) above the per-file limit. */
export function fileTooLarge(config: Sizes, kinds: readonly string[]): HttpProblem {
  return new HttpProblem(413, {
    code: 'file_too_large',
    detail: `Each file must be at most ${config.maxFileBytes} bytes.`,
    errors: kinds.map((kind) => ({
      path: `attachments.${kind}`,
      code: 'too_large',
      message: 'The file is too large.',
    })),
  });
}

/** 413: the files together above the total limit. */
export function filesTooLarge(config: Sizes): HttpProblem {
  return new HttpProblem(413, {
    code: 'files_too_large',
    detail: `All files together must be at most ${config.maxTotalBytes} bytes.`,
    errors: [{ path: 'attachments', code: 'too_large', message: 'The files are too large together.' }],
  });
}

/**
 * Applies the association's limits. Throws 413 for sizes, 415 for types, 422 for the
 * rest, each with field errors at `attachments.<kind>`. The body reader already stops
 * at the first limit passed; this repeats the checks for bodies read without them.
 */
export function checkAttachments(
  files: UploadedFile[],
  config: FormConfig['attachments'],
  required: readonly string[] = [],
): CheckedFile[] {
  if (files.length > 0 && !config.enabled) {
    throw new HttpProblem(422, {
      code: 'validation_failed',
      detail: 'This association does not accept attachments.',
      errors: [{ path: 'attachments', code: 'invalid', message: 'Attachments are not accepted.' }],
    });
  }
  if (files.length > config.maxFiles) throw tooManyFiles(config);
  const oversize = files.filter((file) => file.size > config.maxFileBytes);
  if (oversize.length > 0)
    throw fileTooLarge(
      config,
      oversize.map((file) => file.kind),
    );
  const total = files.reduce((sum, file) => sum + file.size, 0);
  if (total > config.maxTotalBytes) throw filesTooLarge(config);

  const checked: CheckedFile[] = [];
  const badType: FieldError[] = [];
  const empty: FieldError[] = [];
  for (const file of files) {
    const mediaType = sniffMediaType(file.head);
    if (file.size === 0) empty.push({ path: path(file), code: 'required', message: 'The file is empty.' });
    else if (!mediaType || !config.types.includes(mediaType)) {
      badType.push({ path: path(file), code: 'invalid_file_type', message: `Allowed: ${config.types.join(', ')}.` });
    } else checked.push({ ...file, mediaType });
  }
  if (badType.length > 0) {
    throw new HttpProblem(415, {
      code: 'unsupported_file_type',
      detail: 'A file is not of an allowed type.',
      errors: badType,
    });
  }
  const present = new Set(files.map((file) => file.kind));
  const missing = config.enabled ? required.filter((kind) => !present.has(kind)) : [];
  const errors = [
    ...empty,
    ...missing.map((kind) => ({
      path: `attachments.${kind}`,
      code: 'required',
      message: 'This document is required.',
    })),
  ];
  if (errors.length > 0)
    throw new HttpProblem(422, { code: 'validation_failed', detail: 'Documents are missing.', errors });
  return checked;
}
