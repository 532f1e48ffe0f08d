/**
 * React wrappers (`sila-widgets/react.js`): the same elements, with properties set as
 * properties (React 18 would set attributes) and Sila's events as typed camelCase props.
 *
 *   import { SilaComplaintForm } from 'sila-widgets/react.js';
 *   <SilaComplaintForm endpoint="https://example.org/sila" onSilaSubmitted={(e) => show(e.detail.reference)} />
 *
 * Needs `react` and `@lit/react` in the host app (optional peer dependencies, never
 * bundled, so non-React users install neither). The JSX typings of the plain elements
 * (`<sila-rating>` in React 19) are generated from the manifest into this entry's types
 * (scripts/editor-data.mjs), so importing this module types them too.
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { SilaComplaintForm as ComplaintFormElement } from '../widgets/complaint-form/complaint-form.js';
import { SilaRequestForm as RequestFormElement } from '../widgets/request-form/request-form.js';
import { SilaRating as RatingElement } from '../widgets/rating/rating.js';
import { SilaStatusLookup as StatusLookupElement } from '../widgets/status-lookup/status-lookup.js';
import type { SilaRatingChangeEvent } from '../widgets/rating/rating-change-event.js';
import type { SilaRateInviteEvent } from '../widgets/status-lookup/rate-invite-event.js';
import type { SilaErrorEvent, SilaSubmitEvent, SilaSubmittedEvent } from '../core/events.js';

/** What every sending widget fires. */
const submissionEvents = {
  onSilaSubmit: 'sila-submit' as EventName<SilaSubmitEvent>,
  onSilaSubmitted: 'sila-submitted' as EventName<SilaSubmittedEvent>,
  onSilaError: 'sila-error' as EventName<SilaErrorEvent>,
};

export const SilaComplaintForm = createComponent({
  react: React,
  tagName: 'sila-complaint-form',
  elementClass: ComplaintFormElement,
  events: submissionEvents,
  displayName: 'SilaComplaintForm',
});

export const SilaRequestForm = createComponent({
  react: React,
  tagName: 'sila-request-form',
  elementClass: RequestFormElement,
  events: submissionEvents,
  displayName: 'SilaRequestForm',
});

export const SilaRating = createComponent({
  react: React,
  tagName: 'sila-rating',
  elementClass: RatingElement,
  events: {
    ...submissionEvents,
    onSilaRatingChange: 'sila-rating-change' as EventName<SilaRatingChangeEvent>,
  },
  displayName: 'SilaRating',
});

export const SilaStatusLookup = createComponent({
  react: React,
  tagName: 'sila-status-lookup',
  elementClass: StatusLookupElement,
  events: {
    onSilaRateInvite: 'sila-rate-invite' as EventName<SilaRateInviteEvent>,
    onSilaError: 'sila-error' as EventName<SilaErrorEvent>,
  },
  displayName: 'SilaStatusLookup',
});

// The page-wide API, so a React app needs only this one import.
export { configure, type SilaConfig } from '../config.js';
export { setLocale, getLocale, type Locale } from '../core/i18n.js';
export type { SilaSubmitEvent, SilaSubmittedEvent, SilaErrorEvent, SilaRatingChangeEvent, SilaRateInviteEvent };
