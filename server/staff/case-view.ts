/**
 * What each role may see of a case (docs/staff-side.md, "Roles"): hidden data is left out
 * of the answer or masked here, never sent for the console to hide.
 */
import type { StaffActor } from '../auth/actor.js';
import type { WorkflowActor } from '../../src/contract/workflow.js';
import { revealPayload } from '../privacy/sealing.js';

export function workflowActor(actor: StaffActor): WorkflowActor {
  return actor.kind === 'token' ? 'token' : actor.role;
}

/** Roles that read cases at all (the committee only those referred to it). */
export const CASE_READERS = ['officer', 'committee', 'manager', 'token'] as const;
/** Roles that download attachments (the committee only of referred requests). */
export const ATTACHMENT_READERS = ['officer', 'committee', 'token'] as const;

const lastFour = (value: string) => `••••${value.slice(-4)}`;

function maskEmail(value: string): string {
  const at = value.lastIndexOf('@');
  return at > 0 ? `${Array.from(value)[0]}•••${value.slice(at)}` : '•••';
}

/**
 * The stored payload for this role, and the paths it masked or left out. The national ID
 * and mobile are decrypted here (they are sealed at rest) and masked at once for the roles
 * that see only their last digits.
 */
export function shapePayload(
  stored: Record<string, unknown>,
  who: WorkflowActor,
): { payload: Record<string, unknown>; redacted: string[] } {
  const payload = revealPayload(stored);
  if (who === 'token' || who === 'committee') return { payload, redacted: [] };
  const shaped: Record<string, unknown> = { ...payload };
  const redacted: string[] = [];
  // Household and income are the committee's to weigh.
  if ('household' in shaped) {
    delete shaped.household;
    redacted.push('household');
  }
  for (const part of ['applicant', 'contact'] as const) {
    const person = shaped[part];
    if (!person || typeof person !== 'object') continue;
    const copy: Record<string, unknown> = { ...(person as Record<string, unknown>) };
    const mask = (field: string, how: (value: string) => string) => {
      if (typeof copy[field] !== 'string') return;
      copy[field] = how(copy[field]);
      redacted.push(`${part}.${field}`);
    };
    mask('nationalId', lastFour);
    if (who === 'manager') {
      mask('mobile', lastFour);
      mask('email', maskEmail);
    }
    shaped[part] = copy;
  }
  return { payload: shaped, redacted };
}
