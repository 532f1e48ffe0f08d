import * as z from 'zod/mini';

/** Where a submission stands; staff move it along, the applicant follows it. */
export const STATUSES = [
  'received',
  'under_review',
  'needs_info',
  'referred',
  'accepted',
  'rejected',
  'resolved',
  'closed',
] as const;
export type Status = (typeof STATUSES)[number];
export const status = z.enum(STATUSES);

/** Statuses after which nothing more happens: the applicant is invited to rate. */
export const FINAL_STATUSES: readonly Status[] = ['accepted', 'rejected', 'resolved', 'closed'];
