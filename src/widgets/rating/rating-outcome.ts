/** What the widget shows once the rating is in: thanks, or "already rated". */
import { html } from 'lit';
import { msg } from '@lit/localize';

export type RatingOutcome = 'thanks' | 'already-rated';

export function renderOutcome(outcome: RatingOutcome, inline: boolean) {
  const title =
    outcome === 'thanks' ? msg('Thank you for your rating.') : msg('You have already rated this. Thank you.');
  if (inline) {
    return html`<p class="outcome inline-outcome" part="thanks" data-outcome=${outcome} id="done" tabindex="-1"
      ><span class="check" aria-hidden="true">✓</span> ${title}</p
    >`;
  }
  const detail =
    outcome === 'thanks'
      ? msg('We read every rating and use it only to improve our services.')
      : msg('Only one rating is kept for each request or complaint, and yours is already with us.');
  return html`<section class="panel outcome" part="thanks" data-outcome=${outcome} aria-labelledby="done"
    ><p class="title" id="done" tabindex="-1" .textContent=${title}></p
    ><p .textContent=${detail}></p
  ></section>`;
}
