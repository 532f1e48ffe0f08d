/**
 * A widget's report that it cannot reach its backend (CORS refusal, wrong endpoint):
 * sent with navigator.sendBeacon as text/plain (a CORS-safelisted body: no preflight,
 * so it arrives even when the site is refused). No personal data: the reason and which
 * widget, nothing typed. The server logs the page's origin from the Origin header.
 */
import * as z from 'zod/mini';
import { lazy } from './lazy.js';

export const CLIENT_REPORT_REASONS = ['unreachable'] as const;
export const CLIENT_REPORT_WIDGETS = ['complaint-form', 'request-form', 'status-lookup', 'rating', 'other'] as const;

export const clientReportSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    reason: z.enum(CLIENT_REPORT_REASONS),
    widget: z.optional(z.enum(CLIENT_REPORT_WIDGETS)),
  }),
);
export type ClientReport = z.output<typeof clientReportSchema>;

/** Largest report body accepted (bytes). */
export const CLIENT_REPORT_MAX_BYTES = 512;
