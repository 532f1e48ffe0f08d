/**
 * POST /v1/reference-reminders {mobile} or {email}: "I lost my reference number". Always
 * 202 with the same body, whether or not anything matched (no way to learn who wrote to
 * the association); the references go only to the address on record, through the outbox.
 * Limits: a few per client address per hour (429), and a few per contact per day (over
 * it: the same 202, nothing sent, so nobody can flood a person's phone).
 */
import { Hono } from 'hono';
import { toFieldErrors } from '../../src/contract/issues.js';
import { referenceReminderSchema, type ReferenceReminderAccepted } from '../../src/contract/reference-reminders.js';
import type { AppEnv, AppState } from '../context.js';
import { readJson } from '../http/body.js';
import { HttpProblem, validationProblem } from '../http/problem.js';
import { FixedWindowLimit } from '../http/rate-limit.js';
import { contactKey, queueReminders } from '../submissions/reference-reminders.js';

export const REMINDERS_PER_HOUR_PER_CLIENT = 5;
export const REMINDERS_PER_DAY_PER_CONTACT = 3;

const ACCEPTED: ReferenceReminderAccepted = { accepted: true };

export function referenceReminderRoutes(state: AppState): Hono<AppEnv> {
  const perClient = new FixedWindowLimit(state.counters, 'reminder', REMINDERS_PER_HOUR_PER_CLIENT, 60 * 60_000);
  const perContact = new FixedWindowLimit(
    state.counters,
    'reminder-contact',
    REMINDERS_PER_DAY_PER_CONTACT,
    24 * 60 * 60_000,
  );
  const app = new Hono<AppEnv>();
  app.post('/v1/reference-reminders', async (c) => {
    const parsed = referenceReminderSchema.safeParse(await readJson(c, state.limits));
    if (!parsed.success) throw validationProblem(toFieldErrors(parsed.error.issues));
    const client = await perClient.hit(c.get('clientKey'));
    if (client.retryAfter > 0) {
      throw new HttpProblem(429, {
        code: 'rate_limited',
        detail: 'Too many reminders asked from this address. Try again later.',
        headers: { 'Retry-After': String(client.retryAfter) },
      });
    }
    // The mobile when both are given: it is what every case has.
    const { mobile, email } = parsed.data;
    const contact = mobile ? { mobile } : { email: email! };
    const over = (await perContact.hit(contactKey(contact))).retryAfter > 0;
    if (!over) await queueReminders(state.db, contact, state.now(), c.get('clientIp'));
    return c.json(ACCEPTED, 202);
  });
  return app;
}
