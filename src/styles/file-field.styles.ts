import { css } from 'lit';

/** The document pickers and the upload bar (src/fields/file-field.ts), for widgets that take files. */
export const fileFieldStyles = css`
  /* The picker's intrinsic width must not push the field past a narrow form. */
  .file-field {
    grid-template-columns: minmax(0, 1fr);
  }

  .chosen {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    overflow-wrap: anywhere;
  }

  /* The zone people click or drop on; the transparent native input covers it. */
  .file-drop {
    position: relative;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
    min-block-size: 2.75rem;
    padding: 0.5rem;
    border: 2px dashed var(--_border);
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_surface);
  }

  .file-drop.dragging {
    border-style: solid;
    border-color: var(--_accent);
    background: color-mix(in srgb, var(--_accent) 8%, var(--_surface));
  }

  .file-drop:focus-within {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  input[type='file'] {
    position: absolute;
    inset: 0;
    inline-size: 100%;
    block-size: 100%;
    margin: 0;
    opacity: 0;
    cursor: pointer;
    font: inherit;
  }

  .file-button {
    display: inline-flex;
    align-items: center;
    min-block-size: 2.25rem;
    padding: 0.25rem 0.875rem;
    border: 2px solid var(--_accent);
    border-radius: calc(var(--_radius) * 0.75);
    color: var(--_accent);
    font-weight: 700;
  }

  .file-drop-text,
  .file-none {
    color: var(--_muted);
  }

  /* Dropping needs a mouse: phones and tablets only see the button. */
  @media (pointer: coarse) {
    .file-drop-text {
      display: none;
    }
  }

  @media (forced-colors: active) {
    .file-button {
      border-color: ButtonText;
      color: ButtonText;
    }
    .file-drop.dragging {
      border-color: Highlight;
    }
  }

  .upload {
    display: grid;
    gap: 0.25rem;
  }

  .upload progress {
    inline-size: 100%;
    block-size: 1rem;
    accent-color: var(--_accent);
  }
`;
