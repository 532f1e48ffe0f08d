/**
 * A native file picker for one document. The chosen file lives with the widget (a File
 * cannot go into the form's string values); the widget checks type and size the moment
 * a file is chosen and passes the message to show, already in words.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { formatNumber } from '../core/i18n.js';
import { describedBy, errorId, fieldId, labelText, renderHint, type FieldBase } from './field-parts.js';

export interface FileField extends FieldBase {
  /** The accept attribute, e.g. "application/pdf,image/jpeg,image/png". */
  accept: string;
  file?: File;
  /** The message to show now, if any. */
  error?: string;
  onSelect: (file: File | undefined) => void;
}

const TYPE_NAMES: Record<string, string> = { 'application/pdf': 'PDF', 'image/jpeg': 'JPEG', 'image/png': 'PNG' };

/** "PDF, JPEG, PNG": the accepted media types as people know them. */
export function typeNames(types: readonly string[]): string {
  return types.map((type) => TYPE_NAMES[type] ?? type).join(', ');
}

/** The hint under a picker: which types, and how large each file may be. */
export function fileLimitsHint(types: readonly string[], maxFileBytes: number): string {
  return msg(str`${typeNames(types)}; up to ${formatBytes(maxFileBytes)} each.`);
}

/** "5 MB", "300 KB": sizes as people read them (binary units, as the limits are set). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return msg(str`${formatNumber(bytes / (1024 * 1024))} MB`);
  return msg(str`${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB`);
}

/** Marks the drop zone while a file is dragged over it (and lets the drop happen). */
function dragging(over: boolean) {
  return (event: DragEvent) => {
    if (over) event.preventDefault();
    (event.currentTarget as HTMLElement | null)?.classList.toggle('dragging', over);
  };
}

export function renderFileField(field: FileField): TemplateResult {
  const id = fieldId(field.name);
  const chosenId = `${id}-chosen`;
  const hasError = Boolean(field.error);
  return html`<div class="field file-field ${hasError ? 'has-error' : ''}" part="field">
    <label for=${id}>${labelText(field)}</label>
    ${renderHint(field)}
    ${
      hasError
        ? html`<p class="error" id=${errorId(field.name)} part="error">
          <span class="visually-hidden">${msg('Error:')} </span>${field.error}
        </p>`
        : nothing
    }
    <div
      class="file-drop"
      @dragenter=${dragging(true)}
      @dragover=${dragging(true)}
      @dragleave=${dragging(false)}
      @drop=${(event: DragEvent) => {
        event.preventDefault();
        dragging(false)(event);
        const file = event.dataTransfer?.files[0];
        if (file) field.onSelect(file);
      }}
    >
      <!-- The native input stays (keyboard, screen readers, the system picker) but is
           transparent over the zone: its English "Choose File / No file chosen" is never seen. -->
      <input
        type="file"
        id=${id}
        name=${field.name}
        part="input file-input"
        accept=${field.accept}
        aria-required=${field.optional ? 'false' : 'true'}
        aria-invalid=${hasError ? 'true' : 'false'}
        aria-describedby=${describedBy(field, hasError, field.file ? [chosenId] : [])}
        @change=${(event: Event) => {
          const input = event.target as HTMLInputElement;
          field.onSelect(input.files?.[0]);
          // The widget keeps the file; clearing the input lets the same file be chosen again.
          input.value = '';
        }}
      />
      <span class="file-button" aria-hidden="true">${field.file ? msg('Choose another file') : msg('Choose a file')}</span>
      <span class="file-drop-text" aria-hidden="true">${msg('or drop it here')}</span>
      ${field.file ? nothing : html`<span class="file-none" aria-hidden="true">${msg('No file chosen yet.')}</span>`}
    </div>
    ${
      field.file
        ? html`<p class="chosen" id=${chosenId}>
          <span>${msg('Chosen:')} <bdi>${field.file.name}</bdi> (${formatBytes(field.file.size)})</span>
          <button type="button" class="link" @click=${() => field.onSelect(undefined)}>
            ${msg('Remove')}<span class="visually-hidden"> <bdi>${field.file.name}</bdi></span>
          </button>
        </p>`
        : nothing
    }
  </div>`;
}

/** The upload bar while documents are sent; without a measure (fetch) it is indeterminate. */
export function renderUploadProgress(
  uploading: boolean,
  progress: number | undefined,
): TemplateResult | typeof nothing {
  if (!uploading) return nothing;
  return html`<div class="upload" part="upload-progress">
    <label for="upload-progress">${msg('Uploading your documents…')}</label>
    ${
      progress === undefined
        ? html`<progress id="upload-progress"></progress>`
        : html`<progress id="upload-progress" max="100" value=${Math.round(progress * 100)}>${Math.round(progress * 100)}%</progress>`
    }
  </div>`;
}
