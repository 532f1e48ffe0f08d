// Tracks every Idempotency-Key an autocannon create run sends and how it was answered,
// so the run can be checked against what the database stored.
import { isReplay, postCreate } from './requests.mjs';

export function createLedger() {
  const sent = new Set();
  const answers = new Map(); // key → HTTP status
  let replayedFirstSends = 0; // a fresh key answered as a replay would mean keys got mixed up
  return {
    // autocannon calls onResponse with the context of the request it answers (one in flight per connection).
    onKey(key, context) {
      sent.add(key);
      context.key = key;
    },
    onResponse(status, _body, context, headers) {
      answers.set(context.key, status);
      if (isReplay(headers)) replayedFirstSends++;
    },
    /**
     * Requests still in flight when autocannon stopped (or timed out) may or may not have
     * been committed. Settle them as a widget would: resend with the same key and body,
     * which replays the stored answer or creates the record now, never both.
     */
    async settle(url, path, body) {
      const answeredInRun = answers.size;
      const created201 = [...answers.values()].filter((status) => status === 201).length;
      const unanswered = [...sent].filter((key) => !answers.has(key));
      for (const key of unanswered) {
        let answer;
        for (let attempt = 0; attempt < 40; attempt++) {
          answer = await postCreate(url, path, body, key);
          if (answer.status !== 409) break; // 409 idempotency_in_progress: the first send still runs
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
        answers.set(key, answer.status);
      }
      return {
        sent: sent.size,
        answeredInRun,
        created201,
        settled: unanswered.length,
        replayedFirstSends,
        expectedStored: [...answers.values()].filter((status) => status === 201).length,
      };
    },
  };
}
