/** The research committee's queue: requests waiting for its decision, and those it decided. */
import { msg } from '@lit/localize';
import { CaseList, type ListTab } from './case-list.js';

export class StaffCommittee extends CaseList {
  protected heading(): string {
    return msg('Committee queue');
  }

  protected tabs(): ListTab[] {
    return [
      {
        id: 'waiting',
        label: () => msg('Waiting for a decision'),
        count: 'committee',
        query: { status: 'referred', sort: 'due' },
      },
      { id: 'accepted', label: () => msg('Accepted'), query: { status: 'accepted' } },
      { id: 'rejected', label: () => msg('Not accepted'), query: { status: 'rejected' } },
    ];
  }
}

StaffCommittee.define('sila-staff-committee');
