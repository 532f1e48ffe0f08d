/**
 * The case workflow (docs/staff-side.md): which status may follow which, and who may
 * make each move. The server enforces it; the console shows only the moves it allows.
 */
import type { StaffRole } from './staff-auth.js';
import type { Status } from './status.js';

/** Who acts: a role, or the integration token (status changes only). */
export type WorkflowActor = StaffRole | 'token';
export type CaseKind = 'request' | 'complaint' | 'suggestion' | 'inquiry' | 'compensation';

/** Every status that may follow each status, whatever the route. */
export const TRANSITIONS: Readonly<Record<Status, readonly Status[]>> = {
  received: ['under_review', 'needs_info', 'referred', 'resolved', 'rejected', 'closed'],
  under_review: ['needs_info', 'referred', 'resolved', 'rejected', 'closed'],
  needs_info: ['under_review', 'closed'],
  referred: ['accepted', 'rejected', 'needs_info'],
  accepted: ['resolved', 'closed'],
  rejected: ['closed'],
  resolved: ['closed', 'under_review'],
  closed: [],
};

/** Statuses the applicant must be told why or what: a public note is required. */
export const NOTE_REQUIRED: readonly Status[] = ['rejected', 'needs_info'];

/** Roles allowed each action (the token: status only, as before accounts existed). */
export const ACTION_ROLES = {
  status: ['officer', 'token'],
  note: ['officer'],
  assign: ['officer'],
  refer: ['officer'],
  decision: ['committee'],
  intake: ['officer'],
  /** Asking the applicant a question about a referred request. */
  committeeQuestion: ['committee'],
} as const satisfies Record<string, readonly WorkflowActor[]>;

const can = (action: keyof typeof ACTION_ROLES, actor: WorkflowActor) =>
  (ACTION_ROLES[action] as readonly WorkflowActor[]).includes(actor);

/** Whether a move between two statuses exists for this kind at all (before roles). */
export function transitionExists(kind: CaseKind, from: Status, to: Status): boolean {
  if (!TRANSITIONS[from].includes(to)) return false;
  // Only requests go to the committee; the others are resolved by the office.
  if (to === 'referred' || to === 'accepted') return kind === 'request';
  if (to === 'resolved' && from !== 'accepted') return kind !== 'request';
  return true;
}

/**
 * The statuses `actor` may set through POST …/status from `from`. `referred` has its own
 * route (…/refer) and a referred request's accepted/rejected is the committee's decision
 * (…/decision), so neither is a plain status change.
 */
export function statusMoves(kind: CaseKind, from: Status, actor: WorkflowActor): Status[] {
  return TRANSITIONS[from].filter((to) => {
    if (!transitionExists(kind, from, to) || to === 'referred') return false;
    if (from === 'referred') return to === 'needs_info' && (can('status', actor) || can('committeeQuestion', actor));
    return can('status', actor);
  });
}

export function canRefer(kind: CaseKind, from: Status, actor: WorkflowActor): boolean {
  return can('refer', actor) && transitionExists(kind, from, 'referred');
}

export function canDecide(kind: CaseKind, from: Status, actor: WorkflowActor): boolean {
  return can('decision', actor) && kind === 'request' && from === 'referred';
}

/** What the case view offers this actor; the server checks the same rules again. */
export interface AllowedActions {
  status: Status[];
  note: boolean;
  assign: boolean;
  refer: boolean;
  decision: boolean;
}

export function allowedActions(kind: CaseKind, from: Status, actor: WorkflowActor): AllowedActions {
  const open = from !== 'closed';
  return {
    status: statusMoves(kind, from, actor),
    note: can('note', actor) && open,
    assign: can('assign', actor) && open,
    refer: canRefer(kind, from, actor),
    decision: canDecide(kind, from, actor),
  };
}
