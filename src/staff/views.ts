/**
 * The console's views: one entry each. The shell lists the entries the signed-in role may
 * open in its navigation, and loads a view's code only when it is first opened (so the
 * reports' charts, for instance, never load for an officer).
 *
 * To add a view:
 *   1. write an element in src/staff/views/<name>.ts that extends StaffView (staff-element.ts)
 *      and defines its tag (`MyView.define('sila-staff-my-view')`); it gets `context`
 *      (api, account, params, navigate) as a property and renders from there;
 *      give its first heading `tabindex="-1"`: the shell moves focus to it on arrival;
 *   2. add one entry below: id (the address: #/<id>/<params…>), tag, label (msg() inside
 *      the function, so it follows the language), the roles that may open it, whether it
 *      is in the navigation, and a loader `() => import('./views/<name>.js')`.
 * The server still checks every call: roles here only decide what the console offers.
 */
import { msg } from '@lit/localize';
import type { StaffApi } from './api.js';
import type { StaffAccount, StaffRole } from './session-schema.js';

export interface ViewContext {
  api: StaffApi;
  account: StaffAccount;
  /** The address after the view's id: #/case/C-4F7K-2M9Q-X3TB → ['C-4F7K-2M9Q-X3TB']. */
  params: string[];
  /** Opens another view: navigate('case', reference). */
  navigate: (id: string, ...params: string[]) => void;
}

export interface ViewEntry {
  id: string;
  tag: string;
  label: () => string;
  roles: readonly StaffRole[];
  /** Listed in the navigation (a case view is reached from a list, not from the menu). */
  nav: boolean;
  load: () => Promise<unknown>;
}

export const VIEWS: readonly ViewEntry[] = [
  {
    id: 'inbox',
    tag: 'sila-staff-inbox',
    label: () => msg('Inbox'),
    roles: ['officer', 'manager'],
    nav: true,
    load: () => import('./views/inbox.js'),
  },
  {
    id: 'committee',
    tag: 'sila-staff-committee',
    label: () => msg('Committee queue'),
    roles: ['committee'],
    nav: true,
    load: () => import('./views/committee.js'),
  },
  {
    id: 'case',
    tag: 'sila-staff-case',
    label: () => msg('Case'),
    roles: ['officer', 'committee', 'manager'],
    nav: false,
    load: () => import('./views/case.js'),
  },
  {
    id: 'intake',
    tag: 'sila-staff-intake',
    label: () => msg('Reception'),
    roles: ['officer'],
    nav: true,
    load: () => import('./views/intake.js'),
  },
  {
    id: 'accounts',
    tag: 'sila-staff-accounts',
    label: () => msg('Accounts'),
    roles: ['admin'],
    nav: true,
    load: () => import('./views/accounts.js'),
  },
  {
    id: 'audit',
    tag: 'sila-staff-audit',
    label: () => msg('Audit log'),
    roles: ['admin'],
    nav: true,
    load: () => import('./views/audit.js'),
  },
  {
    id: 'privacy',
    tag: 'sila-staff-privacy',
    label: () => msg('Personal data'),
    roles: ['admin'],
    nav: true,
    load: () => import('./views/privacy.js'),
  },
  {
    id: 'reports',
    tag: 'sila-staff-reports',
    label: () => msg('Reports'),
    roles: ['manager', 'admin'],
    nav: true,
    load: () => import('./reports/reports-view.js'),
  },
  {
    id: 'visitors',
    tag: 'sila-staff-visitors',
    label: () => msg('Visitor log'),
    roles: ['officer', 'manager', 'admin'],
    nav: true,
    load: () => import('./reports/visitor-log.js'),
  },
  {
    id: 'account',
    tag: 'sila-staff-account-settings',
    label: () => msg('My account'),
    roles: ['officer', 'committee', 'manager', 'admin'],
    nav: true,
    load: () => import('./views/account-settings.js'),
  },
];

export function viewsFor(role: StaffRole): ViewEntry[] {
  return VIEWS.filter((view) => view.roles.includes(role));
}

/** Where a role lands after signing in: its first navigation entry. */
export function homeFor(role: StaffRole): ViewEntry | undefined {
  return viewsFor(role).find((view) => view.nav);
}
