/**
 * Submissions made straight on the real server, as the forms would send them: something
 * to look up, rate or move along without filling a form first.
 */
import { expect } from '@open-wc/testing';
import { randomMobile, serverEndpoint } from './helpers.js';

export interface Created {
  reference: string;
  /** What the status lookup asks for: the mobile's last 4 digits, or an anonymous sender's code. */
  verifier: string;
  /** The confirmation's proof for rating the submission. */
  ratingToken: string;
  /** The sender's mobile (the reference reminder sends to it). */
  mobile: string;
}

async function create(path: string, body: unknown): Promise<Record<string, string>> {
  const answer = await fetch(`${serverEndpoint()}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
    body: JSON.stringify({
      ...(body as object),
      channel: 'website',
      consent: { accepted: true, version: 'privacy-v1' },
    }),
  });
  expect(answer.status, `${path}: ${answer.status}`).to.equal(201);
  return (await answer.json()) as Record<string, string>;
}

/** A complaint (or suggestion, optionally anonymous), with a mobile no other test uses. */
export async function createComplaint(
  kind: 'complaint' | 'suggestion' = 'complaint',
  anonymous = false,
): Promise<Created> {
  const mobile = randomMobile();
  const answer = await create('/v1/complaints', {
    kind,
    category: kind === 'suggestion' ? 'improvement' : 'delay',
    subject: 'تأخر الرد على طلبي',
    description: 'قدمت طلب مساعدة قبل شهر ولم يصلني أي رد حتى الآن.',
    anonymous,
    ...(anonymous ? {} : { contact: { name: 'محمد عبدالله', mobile }, contactChannel: 'phone' }),
    client: { locale: 'ar', fillMs: 45_000, hp: '' },
  });
  return {
    reference: answer.reference!,
    verifier: answer.verifier ?? mobile.slice(-4),
    ratingToken: answer.ratingToken!,
    mobile,
  };
}

/** A service request, which carries the committee's expected decision date. */
export async function createRequest(): Promise<Created & { expectedDecisionBy: string }> {
  const mobile = randomMobile();
  const answer = await create('/v1/requests', {
    applicant: { fullName: 'سارة أحمد', nationalId: '1050000007', mobile, city: 'الرياض', birthDate: '1990-01-01' },
    service: 'food_basket',
    description: 'أسرة من خمسة أفراد تحتاج إلى سلة غذائية شهرية.',
    declaration: { accepted: true, version: 'declaration-v1' },
    client: { locale: 'ar', fillMs: 90_000, hp: '' },
  });
  return {
    reference: answer.reference!,
    verifier: mobile.slice(-4),
    ratingToken: answer.ratingToken!,
    mobile,
    expectedDecisionBy: answer.expectedDecisionBy!,
  };
}
