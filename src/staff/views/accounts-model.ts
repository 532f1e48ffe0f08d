/**
 * The accounts view's pure parts (admin): the invitation form checked with the server's
 * own schema, the role choices, and the order the list is shown in.
 */
import { msg } from '@lit/localize';
import {
  accountCreateBody,
  STAFF_ROLES,
  type StaffAccountListItem,
  type StaffRole,
} from '../../contract/staff-auth.js';
import type { FormValues, Validation } from '../../core/form-controller.js';
import { validateWith } from '../../core/validate.js';
import type { Option } from '../../fields/select-field.js';
import type { SummaryField } from '../../fields/error-summary.js';
import { roleLabel } from '../labels.js';

export const INVITE_FIELDS = ['name', 'email', 'role'] as const;

export const EMPTY_INVITE: FormValues = { name: '', email: '', role: '' };

export function roleOptions(): Option[] {
  return STAFF_ROLES.map((role) => ({ value: role, label: roleLabel(role) }));
}

/** What each role may do, in one line (the admin chooses knowingly: least privilege). */
export function roleDuty(role: StaffRole): string {
  switch (role) {
    case 'officer':
      return msg('Receives, records and follows up requests and complaints.');
    case 'committee':
      return msg('Studies the requests referred to it and records its decision.');
    case 'manager':
      return msg('Reads cases and statistics; personal data masked.');
    case 'admin':
      return msg('Manages accounts, settings, the audit log and personal data requests; works no cases.');
  }
}

export function inviteSummaryFields(): Record<string, SummaryField> {
  return {
    name: { label: msg('Name'), minLength: 2, maxLength: 100 },
    email: { label: msg('E-mail address') },
    role: { label: msg('Role') },
  };
}

export function validateInvite(values: FormValues): Validation<unknown> {
  return validateWith(accountCreateBody, { name: values.name, email: values.email, role: values.role || undefined });
}

/** Active accounts first, then by name in the active language's order. */
export function sortAccounts(items: readonly StaffAccountListItem[], locale: string): StaffAccountListItem[] {
  const collator = new Intl.Collator(locale);
  return [...items].sort((a, b) => Number(b.active) - Number(a.active) || collator.compare(a.name, b.name));
}
