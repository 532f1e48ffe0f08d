/**
 * The walk-through, through the real routes: the first admin from the
 * environment signs in, creates an officer and a committee member, the officer records a
 * walk-in request and refers it, the committee decides, the applicant reads the decision
 * and its note in the status lookup, and every step is in the audit log.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { it } from 'node:test';
import { ensureFirstAdmin } from '../../server/auth/first-admin.js';
import { call, describeEachDatabase, makeApp, postJson, validRequest } from './helpers.js';
import { asStaff, signIn, type SignedIn } from './staff-auth-helpers.js';

describeEachDatabase('walk-through: first admin to the applicant reading the decision', (db) => {
  it('every step works and is in the audit log', async () => {
    const now = new Date('2026-04-05T07:30:00Z');
    const app = makeApp(db(), { now: () => now });

    // The server starts with SILA_ADMIN_EMAIL / SILA_ADMIN_PASSWORD (main.ts does this).
    assert.equal(
      await ensureFirstAdmin(db(), { email: 'director@charity.example', password: 'the director passphrase' }, now),
      true,
    );
    const admin = await signIn(app, { email: 'director@charity.example', password: 'the director passphrase' });

    /** Creates an account as the admin, signs it in and replaces its temporary password. */
    const newColleague = async (name: string, email: string, role: string): Promise<SignedIn> => {
      const created = await asStaff(app, admin, '/v1/staff/accounts', 'POST', { name, email, role });
      assert.equal(created.status, 201, created.text);
      const first = await signIn(app, { email, password: created.json.temporaryPassword });
      const changed = await asStaff(app, first, '/v1/staff/me/password', 'POST', {
        current: created.json.temporaryPassword,
        next: `${role} own passphrase`,
      });
      assert.equal(changed.status, 204, changed.text);
      return first;
    };
    const officer = await newColleague('نورة العنزي', 'noura.officer@charity.example', 'officer');
    const committee = await newColleague('د. سعد المطيري', 'saad.committee@charity.example', 'committee');

    // A walk-in: the officer types the request in.
    const { client: _client, ...payload } = validRequest();
    const intake = await call(app, '/v1/staff/intake', {
      method: 'POST',
      headers: {
        Cookie: officer.cookie,
        'X-CSRF-Token': officer.csrf,
        'Content-Type': 'application/json',
        'Idempotency-Key': randomUUID(),
      },
      body: JSON.stringify({ kind: 'request', channel: 'walk_in', payload }),
    });
    assert.equal(intake.status, 201, intake.text);
    const reference: string = intake.json.reference;

    const seen = await asStaff(app, officer, `/v1/staff/submissions/${reference}`);
    assert.equal(seen.status, 200, seen.text);
    const referred = await asStaff(app, officer, `/v1/staff/submissions/${reference}/refer`, 'POST', {
      note: 'المستندات مكتملة',
      version: seen.json.version,
    });
    assert.equal(referred.status, 200, referred.text);
    assert.equal(referred.json.status, 'referred');

    const queue = await asStaff(app, committee, `/v1/staff/submissions/${reference}`);
    assert.equal(queue.status, 200, queue.text);
    const publicNote = 'تمت الموافقة على صرف سلة غذائية شهرية لمدة ستة أشهر.';
    const decided = await asStaff(app, committee, `/v1/staff/submissions/${reference}/decision`, 'POST', {
      decision: 'accepted',
      reason: 'الدخل دون الحد والأسرة من خمسة أفراد',
      publicNote,
      version: queue.json.version,
    });
    assert.equal(decided.status, 200, decided.text);
    assert.equal(decided.json.status, 'accepted');

    // The applicant follows up with the reference and the last 4 digits of the mobile.
    const lookup = await postJson(app, '/v1/status', { reference, verifier: '4321' });
    assert.equal(lookup.status, 200, lookup.text);
    assert.equal(lookup.json.status, 'accepted');
    assert.ok(JSON.stringify(lookup.json).includes(publicNote), lookup.text);
    assert.ok(!JSON.stringify(lookup.json).includes('الدخل دون الحد'), 'the internal reason stays inside');
    assert.ok(!JSON.stringify(lookup.json).includes('المستندات مكتملة'), 'the internal referral note stays inside');

    // Every step in the audit log, oldest first (the admin reads it newest first).
    const audit = await asStaff(app, admin, '/v1/staff/audit?limit=200');
    assert.equal(audit.status, 200, audit.text);
    const steps = (audit.json.items as Array<{ action: string; actorLabel: string; target: string | null }>)
      .reverse()
      .map((item) => `${item.action} ${item.actorLabel}${item.target === reference ? ' <case>' : ''}`);
    assert.deepEqual(steps, [
      'account.create anonymous',
      'session.sign_in Administrator',
      'account.create Administrator',
      'session.sign_in نورة العنزي',
      'account.password نورة العنزي',
      'account.create Administrator',
      'session.sign_in د. سعد المطيري',
      'account.password د. سعد المطيري',
      'case.intake نورة العنزي <case>',
      'case.view نورة العنزي <case>',
      'case.refer نورة العنزي <case>',
      'case.view د. سعد المطيري <case>',
      'case.decision د. سعد المطيري <case>',
    ]);
  });
});
