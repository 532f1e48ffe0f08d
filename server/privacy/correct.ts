/**
 * Correcting a person's data (PDPL right to correction): the fields are checked with the
 * public form's own schemas, the case's version moves on (409 when it moved since the
 * caller looked), the national ID and mobile are sealed again, the search hashes and the
 * lookup verifier (the mobile's last four digits) recomputed, and one audit row names the
 * fields changed, never their values.
 */
import * as z from 'zod/mini';
import { contactPart } from '../../src/contract/complaint.js';
import { mobileVerifier } from '../../src/contract/identifiers.js';
import { toFieldErrors } from '../../src/contract/issues.js';
import type { FieldError } from '../../src/contract/problem.js';
import type { PrivacyCorrectBody } from '../../src/contract/privacy.js';
import { applicantPart } from '../../src/contract/request.js';
import { actorLabel, type StaffActor } from '../auth/actor.js';
import { writeAudit } from '../audit/audit-log.js';
import type { Database } from '../db/database.js';
import { HttpProblem, validationProblem } from '../http/problem.js';
import { searchColumns } from '../staff/search-index.js';
import { verifierHash } from '../submissions/verifier.js';
import { personPart } from './find.js';
import { addPrivacyEntry, alreadyAnonymised, lockCase } from './locked-case.js';
import { currentFieldKey, revealPayload, sealPayload } from './sealing.js';

export interface PrivacyChangeContext {
  db: Database;
  actor: StaffActor;
  ip: string;
  now: Date;
}

export async function correctCase(
  ctx: PrivacyChangeContext,
  reference: string,
  body: PrivacyCorrectBody,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const row = await lockCase(tx, reference, body.version);
    if (row.anonymised_at) throw alreadyAnonymised();
    const payload = revealPayload(row.payload);
    const where = personPart(row.kind, payload);
    const given = Object.entries(body.changes).filter(([, value]) => value !== undefined);
    if (!where) {
      throw new HttpProblem(422, {
        code: 'no_personal_data',
        detail: 'This case names nobody (an anonymous suggestion): there is nothing to correct.',
      });
    }
    const misplaced: FieldError[] = given
      .filter(([field]) => !(where.fields as string[]).includes(field))
      .map(([field]) => ({
        path: `changes.${field}`,
        code: 'not_applicable',
        message: `A ${row.kind} has no ${field}.`,
      }));
    if (misplaced.length > 0) throw validationProblem(misplaced);
    if (given.length === 0) {
      throw validationProblem([{ path: 'changes', code: 'required', message: 'Nothing to correct.' }]);
    }
    // The public form's checks, on the person as they will be.
    const schema: z.ZodMiniType = where.part === 'applicant' ? applicantPart : contactPart;
    const merged = { ...(payload[where.part] as Record<string, unknown>), ...Object.fromEntries(given) };
    const parsed = schema.safeParse(merged);
    if (!parsed.success) {
      throw validationProblem(
        toFieldErrors(parsed.error.issues).map((error) => ({ ...error, path: `changes.${error.path}` })),
      );
    }
    const person = parsed.data as Record<string, unknown>;
    const next = { ...payload, [where.part]: person };
    const key = currentFieldKey();
    const search = searchColumns(next);
    const version = row.version + 1;
    const fields = given.map(([field]) => `${where.part}.${field}`);
    const mobileChanged = body.changes.mobile !== undefined && typeof person.mobile === 'string';
    await tx.query(
      `UPDATE submissions SET payload = $2::jsonb, data_key_id = $3, search_name = $4, national_id_hash = $5,
              mobile_hash = $6, search_key_id = $7, version = $8, updated_at = $9,
              verifier_hash = coalesce($10, verifier_hash), email_hash = $11
        WHERE reference = $1`,
      [
        reference,
        JSON.stringify(sealPayload(next, key)),
        key.id,
        search.search_name,
        search.national_id_hash,
        search.mobile_hash,
        search.search_key_id,
        version,
        ctx.now,
        // The lookup asks for the mobile's last four digits: the corrected mobile's now.
        mobileChanged ? verifierHash(reference, mobileVerifier(person.mobile as string)) : null,
        search.email_hash,
      ],
    );
    await addPrivacyEntry(
      tx,
      row,
      version,
      { label: actorLabel(ctx.actor), id: ctx.actor.kind === 'account' ? ctx.actor.id : null },
      `تصحيح بيانات شخصية / Personal data corrected: ${fields.join(', ')}`,
      ctx.now,
    );
    await writeAudit(tx, {
      actor: ctx.actor,
      action: 'privacy.correct',
      target: reference,
      ip: ctx.ip,
      details: { fields: fields.join(','), version },
      at: ctx.now,
    });
  });
}
