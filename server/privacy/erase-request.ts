/**
 * Erasure on a person's request: the reference typed again as confirmation, the version the
 * caller saw, then server/privacy/erase.ts, a timeline entry and one audit row.
 */
import type { PrivacyEraseBody } from '../../src/contract/privacy.js';
import { actorLabel } from '../auth/actor.js';
import { writeAudit } from '../audit/audit-log.js';
import { normalizeReference } from '../../src/contract/identifiers.js';
import { validationProblem } from '../http/problem.js';
import type { PrivacyChangeContext } from './correct.js';
import { eraseCase } from './erase.js';
import { addPrivacyEntry, alreadyAnonymised, lockCase } from './locked-case.js';

export const ERASED_NOTE = 'محو البيانات الشخصية / Personal data erased';

export async function eraseOnRequest(
  ctx: PrivacyChangeContext,
  reference: string,
  body: PrivacyEraseBody,
): Promise<void> {
  if (normalizeReference(body.confirm) !== reference) {
    throw validationProblem(
      [{ path: 'confirm', code: 'confirmation_mismatch', message: 'Type the case reference to confirm.' }],
      'The confirmation does not match the case reference: nothing was erased.',
    );
  }
  await ctx.db.transaction(async (tx) => {
    const row = await lockCase(tx, reference, body.version);
    if (row.anonymised_at) throw alreadyAnonymised();
    const removed = await eraseCase(tx, reference, row.payload, ctx.now);
    const version = row.version + 1;
    await tx.query('UPDATE submissions SET version = $2, updated_at = $3 WHERE reference = $1', [
      reference,
      version,
      ctx.now,
    ]);
    await addPrivacyEntry(
      tx,
      row,
      version,
      { label: actorLabel(ctx.actor), id: ctx.actor.kind === 'account' ? ctx.actor.id : null },
      ERASED_NOTE,
      ctx.now,
    );
    await writeAudit(tx, {
      actor: ctx.actor,
      action: 'privacy.erase',
      target: reference,
      ip: ctx.ip,
      details: { attachmentsDeleted: removed.attachments, version },
      at: ctx.now,
    });
  });
}
