import { css } from 'lit';

/** Only what is particular to the complaint form; the rest is the shared form styles. */
export const complaintFormStyles = css`
  /* Columns never grow past the form: the file input's intrinsic width would push it. */
  .section {
    grid-template-columns: minmax(0, 1fr);
  }

  .saved {
    font-size: 0.875em;
    color: var(--_muted);
  }

  .privacy {
    display: grid;
    gap: 0.5rem;
  }

  .privacy ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }

  .queued {
    display: grid;
    gap: 0.75rem;
  }
`;
