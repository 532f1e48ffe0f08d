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

  input[type='file'] {
    max-inline-size: 100%;
    min-block-size: 2.75rem;
    font: inherit;
    color: var(--_text);
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
