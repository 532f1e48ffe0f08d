/**
 * Names of the staff side's values, read in the active language at render time. Status
 * and kind names are the ones the applicant sees (status-texts.ts), so staff and the
 * applicant call a status the same thing (docs/glossary.ar.md).
 */
import { msg } from '@lit/localize';
import { kindLabel, statusLabel } from '../widgets/status-lookup/status-texts.js';
import type { StaffRole } from './session-schema.js';

export { kindLabel, statusLabel };

export const CHANNELS = ['website', 'walk_in', 'phone', 'email', 'social', 'letter'] as const;
export type Channel = (typeof CHANNELS)[number];

export function roleLabel(role: StaffRole): string {
  switch (role) {
    case 'officer':
      return msg('Beneficiary relations officer');
    case 'committee':
      return msg('Social research committee');
    case 'manager':
      return msg('Manager');
    case 'admin':
      return msg('System administrator');
  }
}

export function channelLabel(channel: string): string {
  switch (channel) {
    case 'website':
      return msg('Website');
    case 'walk_in':
      return msg('Walk-in');
    case 'phone':
      return msg('Phone call');
    case 'email':
      return msg('E-mail');
    case 'social':
      return msg('Social media');
    case 'letter':
      return msg('Letter');
    default:
      return channel;
  }
}
