/** The inbox: every case the role may see, in tabs (mine, unassigned, committee, overdue). */
import { msg } from '@lit/localize';
import { CaseList, type ListTab } from './case-list.js';

export class StaffInbox extends CaseList {
  protected heading(): string {
    return msg('Inbox');
  }

  protected tabs(): ListTab[] {
    const assigns = this.context?.account.role === 'officer';
    const own: ListTab[] = [
      { id: 'mine', label: () => msg('Assigned to me'), count: 'mine', query: { assignee: 'me' } },
      { id: 'unassigned', label: () => msg('Unassigned'), count: 'unassigned', query: { assignee: 'none' } },
    ];
    return [
      ...(assigns ? own : []),
      { id: 'committee', label: () => msg('With the committee'), count: 'committee', query: { status: 'referred' } },
      { id: 'overdue', label: () => msg('Overdue cases'), count: 'overdue', query: { overdue: 'true' } },
      { id: 'all', label: () => msg('All cases'), query: {} },
    ];
  }
}

StaffInbox.define('sila-staff-inbox');
