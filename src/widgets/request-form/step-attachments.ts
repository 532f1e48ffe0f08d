/** Step 4 (when the association accepts documents): ID copy, proof of income, other. */
import { html, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { FormConfig } from '../../contract/form-config.js';
import { fileLimitsHint, renderFileField } from '../../fields/file-field.js';
import { ATTACHMENT_KINDS, attachmentLabel, type AttachmentKind } from './request-fields.js';

export interface AttachmentsStep {
  config: FormConfig['attachments'];
  files: ReadonlyMap<string, File>;
  /** The message to show per kind, already in words. */
  errors: ReadonlyMap<string, string>;
  onSelect: (kind: AttachmentKind, file: File | undefined) => void;
}

export function renderAttachmentsStep({ config, files, errors, onSelect }: AttachmentsStep): TemplateResult {
  const required = config.requiredForRequests ?? [];
  const limits = fileLimitsHint(config.types, config.maxFileBytes);
  return html`<p class="lead">
      ${msg('Documents help the research committee decide sooner. If you cannot add them now, you can bring them later.')}
    </p>
    ${ATTACHMENT_KINDS.map((kind) =>
      renderFileField({
        name: `attachments.${kind}`,
        label: attachmentLabel(kind),
        hint: limits,
        optional: !required.includes(kind),
        accept: config.types.join(','),
        file: files.get(kind),
        error: errors.get(kind),
        onSelect: (file) => onSelect(kind, file),
      }),
    )}
    <p class="hint">${msg('Documents are not saved on this device: if you leave the page, choose them again.')}</p>`;
}
