/** Names the report shows, in the active language (msg() at render time). */
import { msg, str } from '@lit/localize';
import type { FormConfig } from '../../contract/form-config.js';
import type { VisitPurpose } from '../../contract/reports.js';
import type { Status } from '../../contract/status.js';
import type { SubmissionKind } from '../../contract/staff.js';
import { formatNumber, localized } from '../../core/i18n.js';
import { channelLabel, kindLabel, statusLabel } from '../labels.js';

export function purposeLabel(purpose: string): string {
  switch (purpose as VisitPurpose) {
    case 'new_request':
      return msg('New request');
    case 'follow_up':
      return msg('Follow-up');
    case 'complaint':
      return msg('Complaint or suggestion');
    case 'inquiry':
      return msg('Inquiry');
    case 'documents':
      return msg('Handing in documents');
    case 'other':
      return msg('Other');
    default:
      return purpose;
  }
}

export const kindName = (kind: string) => kindLabel(kind as SubmissionKind);
export const statusName = (status: string) => statusLabel(status as Status);
export const channelName = channelLabel;

/** A service (requests) or complaint category by its id, from the association's configuration. */
export function topicNamer(config: FormConfig | undefined) {
  return (id: string | null, kind?: string | null): string => {
    if (!id) return '—';
    const services = config?.services.find((item) => item.id === id);
    const categories = config?.complaintCategories.find((item) => item.id === id);
    const found = kind === 'request' ? services : kind ? categories : (categories ?? services);
    return found ? localized(found.label) : id;
  };
}

export function hours(value: number | null): string {
  return value === null ? '—' : msg(str`${formatNumber(value)} h`);
}

export function percent(value: number | null): string {
  return value === null ? '—' : `${formatNumber(value)}%`;
}

export function plain(value: number | null): string {
  return value === null ? '—' : formatNumber(value);
}
