import { css } from 'lit';

/** The day / month / year date field (src/fields/date-parts-field.ts). */
export const dateFieldStyles = css`
  .calendar-choice {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }

  .choice.compact {
    align-items: center;
    min-block-size: 2.75rem;
    padding-block: 0.25rem;
  }

  /* Day, month and year stay on one line down to a 320 px phone (13.5rem in all). */
  .date-parts {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }

  .date-part {
    display: grid;
    gap: 0.25rem;
  }

  .date-part label {
    font-weight: 400;
  }

  .date-part input[type='text'] {
    inline-size: 3.75rem;
    text-align: center;
  }

  .date-part.year input[type='text'] {
    inline-size: 5rem;
  }

  .date-field.has-error input[type='text'] {
    border-color: var(--_error);
  }

  .other-calendar {
    margin: 0;
    color: var(--_muted);
  }
`;
