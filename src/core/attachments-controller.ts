/**
 * The documents a form sends along: the file chosen per kind, checked the moment it is
 * chosen against the association's limits (a file over the limit is refused at once,
 * naming the limit), the words for every problem, and the upload itself with its
 * progress. Files live here, not in the form's string values: a File cannot go into a
 * draft; the outbox keeps them (as Blobs in IndexedDB) once the form is sent.
 */
import type { ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';
import type { FormConfig } from '../contract/form-config.js';
import type { Upload } from '../client/api.js';
import type { Attachment } from '../client/multipart.js';
import { formatBytes, typeNames } from '../fields/file-field.js';
import { errorMessage } from './messages.js';
import type { FormController } from './form-controller.js';

export type FileProblem = { code: 'file_too_large' | 'files_too_large'; limit: number } | { code: 'invalid_file_type' };

export interface AttachmentsOptions {
  /** The association's limits (the form-config arrives after connection). */
  limits: () => FormConfig['attachments'];
  /** The form whose server errors at `attachments.<kind>` belong to the files. */
  form: FormController<unknown>;
  /** Moves focus to a refused file's picker. */
  focus: (field: string) => void;
}

/** Needs no lifecycle hooks of its host: it only asks it to render again. */
export class AttachmentsController {
  files: ReadonlyMap<string, File> = new Map();
  problems: ReadonlyMap<string, FileProblem> = new Map();
  uploading = false;
  /** 0…1 while uploading through XMLHttpRequest; undefined when it cannot be measured. */
  progress?: number;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: AttachmentsOptions,
  ) {}

  /**
   * Keeps or refuses the file chosen for `kind` (undefined removes it) and returns what
   * to announce. A new file clears the server's complaint about the old one.
   */
  select(kind: string, file: File | undefined): string {
    const limits = this.options.limits();
    const files = new Map(this.files);
    const problems = new Map(this.problems);
    problems.delete(kind);
    files.delete(kind);
    const others = [...files.values()].reduce((sum, other) => sum + other.size, 0);
    if (file && file.size > limits.maxFileBytes)
      problems.set(kind, { code: 'file_too_large', limit: limits.maxFileBytes });
    else if (file && file.type && !limits.types.includes(file.type)) problems.set(kind, { code: 'invalid_file_type' });
    else if (file && others + file.size > limits.maxTotalBytes)
      problems.set(kind, { code: 'files_too_large', limit: limits.maxTotalBytes });
    else if (file) files.set(kind, file);
    this.files = files;
    this.problems = problems;
    if (file) this.options.form.set(`attachments.${kind}`, '');
    this.host.requestUpdate();
    const problem = problems.get(kind);
    if (problem) this.options.focus(`attachments.${kind}`);
    return problem ? this.problemText(problem) : file ? msg(str`${file.name} added.`) : msg('Document removed.');
  }

  problemText(problem: FileProblem): string {
    switch (problem.code) {
      case 'file_too_large':
        return msg(str`This file is larger than ${formatBytes(problem.limit)}. Choose a smaller file.`);
      case 'files_too_large':
        return msg(str`All documents together must be no larger than ${formatBytes(problem.limit)}.`);
      case 'invalid_file_type':
        return msg(str`This type of file is not accepted. Use ${typeNames(this.options.limits().types)}.`);
    }
  }

  /** The message to show per kind, in words: the on-the-spot check first, then the server's. */
  errors(kinds: readonly string[]): Map<string, string> {
    const errors = new Map<string, string>();
    for (const kind of kinds) {
      const problem = this.problems.get(kind);
      const error = this.options.form.errorFor(`attachments.${kind}`);
      if (problem) errors.set(kind, this.problemText(problem));
      else if (error?.code === 'too_large')
        errors.set(kind, this.problemText({ code: 'file_too_large', limit: this.options.limits().maxFileBytes }));
      else if (error)
        errors.set(kind, error.code === 'required' ? msg('Add this document.') : errorMessage(error.code));
    }
    return errors;
  }

  /** The chosen files, ready to send. */
  list(): Attachment[] {
    return [...this.files].map(([kind, file]): Attachment => ({ kind, file, name: file.name }));
  }

  clear(): void {
    this.files = new Map();
    this.problems = new Map();
    this.host.requestUpdate();
  }

  /**
   * Runs a create with `files` attached (the widget's SilaClient sends them), showing the
   * upload's progress meanwhile. No files: `send` gets no upload and sends plain JSON.
   */
  async sending<T>(files: readonly Attachment[], send: (upload?: Upload) => Promise<T>): Promise<T> {
    if (files.length === 0) return send();
    this.uploading = true;
    this.progress = undefined;
    this.host.requestUpdate();
    try {
      return await send({
        files,
        onProgress: (fraction) => {
          this.progress = fraction;
          this.host.requestUpdate();
        },
      });
    } finally {
      this.uploading = false;
      this.progress = undefined;
      this.host.requestUpdate();
    }
  }
}
