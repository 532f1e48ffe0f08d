/**
 * Writes docs/openapi.json (OpenAPI 3.1) from the zod contract in src/contract, so the
 * document an association's own backend follows can never drift from what the widgets
 * and the reference server enforce. `npm run openapi`; CI fails when it is stale.
 */
import { writeFileSync } from 'node:fs';
import * as z from 'zod/mini';
import * as contract from '../src/contract/index.js';
import * as privacy from '../src/contract/privacy.js';
import { clientReportSchema } from '../src/contract/client-reports.js';
import { referenceReminderAccepted, referenceReminderSchema } from '../src/contract/reference-reminders.js';
import { replyCreated, replySchema } from '../src/contract/replies.js';
import pkg from '../package.json' with { type: 'json' };

/** JSON Schema of what a client sends (input side of transforms). */
function schema(value: z.ZodMiniType, io: 'input' | 'output') {
  const json = z.toJSONSchema(value, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Record<
    string,
    unknown
  >;
  delete json.$schema;
  return json;
}

const components = {
  Complaint: schema(contract.complaintSchema, 'input'),
  ComplaintCreated: schema(contract.complaintCreated, 'output'),
  ServiceRequest: schema(contract.requestSchema, 'input'),
  RequestCreated: schema(contract.requestCreated, 'output'),
  Rating: schema(contract.ratingSchema, 'input'),
  RatingCreated: schema(contract.ratingCreated, 'output'),
  Lookup: schema(contract.lookupSchema, 'input'),
  LookupResult: schema(contract.lookupResult, 'output'),
  Reply: schema(replySchema, 'input'),
  ReplyCreated: schema(replyCreated, 'output'),
  ReferenceReminder: schema(referenceReminderSchema, 'input'),
  ReferenceReminderAccepted: schema(referenceReminderAccepted, 'output'),
  ClientReport: schema(clientReportSchema, 'input'),
  FormConfig: schema(contract.formConfigSchema, 'output'),
  PrivacySearch: schema(privacy.privacySearchBody, 'input'),
  PrivacyExport: schema(privacy.privacyExportBody, 'input'),
  PrivacyCorrect: schema(privacy.privacyCorrectBody, 'input'),
  PrivacyErase: schema(privacy.privacyEraseBody, 'input'),
  PrivacyCase: schema(privacy.privacyCase, 'output'),
  PrivacySearchResult: schema(privacy.privacySearchResult, 'output'),
  Problem: schema(contract.problemSchema, 'output'),
  SignIn: schema(contract.signInBody, 'input'),
  StaffSession: schema(contract.staffSession, 'output'),
  PasswordChange: schema(contract.passwordChangeBody, 'input'),
  TotpEnrollment: schema(contract.totpEnrollment, 'output'),
  TotpConfirm: schema(contract.totpConfirmBody, 'input'),
  StaffAccountList: schema(contract.staffAccountList, 'output'),
  StaffAccountListItem: schema(contract.staffAccountListItem, 'output'),
  AccountCreate: schema(contract.accountCreateBody, 'input'),
  AccountCreated: schema(contract.accountCreated, 'output'),
  AccountUpdate: schema(contract.accountUpdateBody, 'input'),
  TemporaryPassword: schema(contract.temporaryPasswordAnswer, 'output'),
  AssignableAccounts: schema(contract.assignableAccounts, 'output'),
  StaffSettings: schema(contract.staffSettings, 'output'),
  StaffSettingsUpdate: schema(contract.staffSettingsUpdate, 'input'),
  AuditPage: schema(contract.auditPage, 'output'),
  StaffStatusUpdate: schema(contract.staffStatusUpdate, 'input'),
  StaffNoteBody: schema(contract.staffNoteBody, 'input'),
  StaffAssignBody: schema(contract.staffAssignBody, 'input'),
  StaffReferBody: schema(contract.staffReferBody, 'input'),
  StaffDecisionBody: schema(contract.staffDecisionBody, 'input'),
  StaffIntakeBody: schema(contract.staffIntakeBody, 'input'),
  StaffIntakeCreated: schema(contract.staffIntakeCreated, 'output'),
  StaffSubmissionList: schema(contract.staffSubmissionList, 'output'),
  StaffCaseCounts: schema(contract.staffCaseCounts, 'output'),
  StaffSubmissionDetail: schema(contract.staffSubmissionDetail, 'output'),
  StaffVersionConflict: schema(contract.staffVersionConflict, 'output'),
  StaffStats: schema(contract.staffStats, 'output'),
  Report: schema(contract.report, 'output'),
  VisitorEntryInput: schema(contract.visitorEntryInput, 'input'),
  VisitorEntry: schema(contract.visitorEntry, 'output'),
  VisitorList: schema(contract.visitorList, 'output'),
  StaffMessage: schema(contract.staffMessage, 'output'),
  StaffMessageList: schema(contract.staffMessageList, 'output'),
  StaffNoticeSettings: schema(contract.staffNoticeSettings, 'input'),
};

const ref = (name: keyof typeof components) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: keyof typeof components) => ({ 'application/json': { schema: ref(name) } });
const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ref('Problem') } },
});

const idempotencyKey = {
  name: 'Idempotency-Key',
  in: 'header',
  required: true,
  description:
    'A UUID made when the person first presses submit and reused on every retry. The same key and body replay the first answer; the same key with another body is 422; while the first is still in progress, 409.',
  schema: { type: 'string', maxLength: 255 },
};

const createErrors = {
  '400': problem('Missing or malformed Idempotency-Key, malformed or too deeply nested JSON.'),
  '409': problem('The same Idempotency-Key is still being processed.'),
  '413': problem('Body too large.'),
  '415': problem('Not JSON (or multipart where attachments are allowed).'),
  '422': problem(
    'Validation failed: `errors` lists `{path, code, message}` per field; or the Idempotency-Key was reused with another body.',
  ),
  '429': problem('Too many submissions from this address; see Retry-After.'),
  '503': problem('Storage unavailable; retry after Retry-After with the same Idempotency-Key.'),
};

function create(summary: string, body: keyof typeof components, answer: keyof typeof components, multipart: boolean) {
  return {
    post: {
      summary,
      parameters: [idempotencyKey],
      requestBody: {
        required: true,
        content: {
          ...json(body),
          ...(multipart
            ? {
                'multipart/form-data': {
                  schema: {
                    type: 'object',
                    properties: { payload: { type: 'string', description: `The ${body} JSON.` } },
                    additionalProperties: {
                      type: 'string',
                      format: 'binary',
                      description:
                        'Files named attachment:<kind>, e.g. attachment:id_copy (PDF, JPEG or PNG, checked by signature).',
                    },
                  },
                },
              }
            : {}),
        },
      },
      responses: { '201': { description: 'Stored durably.', content: json(answer) }, ...createErrors },
    },
  };
}

const staff = { security: [{ staffToken: [] }] };
/** Case routes: a signed-in account (cookie + X-CSRF-Token on changes) or the token. */
const staffCase = { security: [{ staffSession: [] }, { staffToken: [] }] };
const staffDenied = {
  '401': problem('Not signed in, session expired, or wrong token.'),
  '403': problem('Your role may not do this (code `forbidden`).'),
};
const referenceParameter = { name: 'reference', in: 'path', required: true, schema: { type: 'string' } };
const query = (name: string, description: string) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema: { type: 'string' },
});

/** A change to a case: the body carries the version the caller saw. */
function caseChange(summary: string, body: keyof typeof components) {
  return {
    post: {
      ...staffCase,
      summary,
      parameters: [referenceParameter],
      requestBody: { required: true, content: json(body) },
      responses: {
        '200': { description: 'The case as it now is.', content: json('StaffSubmissionDetail') },
        ...staffDenied,
        '404': problem('Unknown reference (or not visible to this role).'),
        '409': {
          description:
            'version_conflict: someone changed the case first; nothing was saved. `current` is the case now, `changes` what was added since your version.',
          content: { 'application/problem+json': { schema: ref('StaffVersionConflict') } },
        },
        '422': problem(
          'Invalid body, a move the workflow does not have (transition_not_allowed), a missing public note, or a closed case.',
        ),
      },
    },
  };
}

const document = {
  openapi: '3.1.0',
  info: {
    title: 'Sila HTTP contract',
    version: `v1 (${pkg.version})`,
    description:
      'What the Sila widgets expect from a backend. The reference server in server/ implements it; an association may implement it on its own backend. Error bodies are RFC 9457 problem details. Generated from src/contract by scripts/openapi.ts; do not edit by hand.',
  },
  paths: {
    '/v1/form-config': {
      get: {
        summary:
          "The association's configuration (name, services, categories, review period, attachments, rating scales). Widgets fall back to defaults without it.",
        responses: { '200': { description: 'The configuration.', content: json('FormConfig') } },
      },
    },
    '/v1/requests': create(
      'Create a service request (or member service request).',
      'ServiceRequest',
      'RequestCreated',
      true,
    ),
    '/v1/complaints': create(
      'Create a complaint, suggestion, inquiry or compensation claim.',
      'Complaint',
      'ComplaintCreated',
      true,
    ),
    '/v1/ratings': {
      post: {
        ...create('Rate a service (CSAT, NPS or CES).', 'Rating', 'RatingCreated', false).post,
        responses: {
          '201': { description: 'Stored.', content: json('RatingCreated') },
          ...createErrors,
          '409': problem('This reference was already rated (code `already_rated`), or the key is in progress.'),
        },
      },
    },
    '/v1/status': {
      post: {
        summary:
          'Follow a submission: reference number plus verifier (last 4 digits of the mobile, or the code given to an anonymous sender).',
        requestBody: { required: true, content: json('Lookup') },
        responses: {
          '200': {
            description: 'Status, dated history with public notes, expected decision date.',
            content: json('LookupResult'),
          },
          '404': problem('One answer for an unknown reference and a wrong verifier (no enumeration).'),
          '429': problem(
            'This reference has used its failed tries for today, or failures from this address are being slowed (each waits longer; see Retry-After). A correct verifier is still answered.',
          ),
        },
      },
    },
    '/v1/submissions/{reference}/replies': {
      post: {
        ...create(
          'Answer "information needed": the person’s text and documents (attachment:reply_1…reply_3), with the lookup’s verifier. The case goes back to under_review; staff see the reply in the timeline.',
          'Reply',
          'ReplyCreated',
          true,
        ).post,
        parameters: [referenceParameter, idempotencyKey],
        responses: {
          '201': { description: 'Stored; the status is under_review again.', content: json('ReplyCreated') },
          ...createErrors,
          '404': problem('The lookup’s one answer for an unknown reference and a wrong verifier.'),
          '409': problem(
            'The case is not waiting for information (code `not_awaiting_reply`), or the key is in progress.',
          ),
          '429': problem('Too many failed verifier checks for this reference or from this address; see Retry-After.'),
        },
      },
    },
    '/v1/reference-reminders': {
      post: {
        summary:
          'Forgot my reference number: sends the references of the cases made with this mobile or e-mail (when they allow messages) to that mobile or e-mail, through the notification channels. The answer never says whether anything matched.',
        requestBody: { required: true, content: json('ReferenceReminder') },
        responses: {
          '202': {
            description: 'Accepted: a message goes out if anything matched.',
            content: json('ReferenceReminderAccepted'),
          },
          '400': problem('Malformed JSON.'),
          '415': problem('Not JSON.'),
          '422': problem('Not a Saudi mobile or an e-mail address: `errors` names the field.'),
          '429': problem('Too many reminders asked from this address; see Retry-After.'),
        },
      },
    },
    '/v1/client-reports': {
      post: {
        summary:
          'A widget reports that it cannot reach its backend (navigator.sendBeacon, text/plain: no CORS preflight, so a refused site gets through). The server logs the page’s Origin, at most once per hour per origin. No personal data.',
        requestBody: {
          required: true,
          content: { 'text/plain': { schema: ref('ClientReport') }, ...json('ClientReport') },
        },
        responses: {
          '204': { description: 'Noted (or already noted this hour).' },
          '413': problem('Larger than 512 bytes.'),
          '429': problem('Too many reports from this address.'),
        },
      },
    },
    '/v1/staff/submissions': {
      get: {
        ...staffCase,
        summary:
          'The inbox: filter, search and page cases (keyset). An unknown parameter or value is 400, never ignored. The committee sees the requests referred to it.',
        parameters: [
          query('kind', 'request, complaint, suggestion, inquiry, compensation'),
          query('status', 'One status.'),
          query('channel', 'website, walk_in, phone, email, social, letter'),
          query('assignee', 'me, none, or an account id.'),
          query('overdue', 'true: open past the due date; false: the others.'),
          query('dueSoon', 'true: open and due within 2 days.'),
          query('from', 'Received on or after (a bare date is a Riyadh day).'),
          query('to', 'Received up to (a bare date includes that whole day).'),
          query(
            'q',
            'A reference (part), a name (part, Arabic-normalised: «احمد» finds «أحمد»), an exact mobile or an exact national ID.',
          ),
          query('sort', '-received (default, newest first), received, due.'),
          query('cursor', 'nextCursor of the previous page.'),
          query('limit', '1–100, default 25.'),
        ],
        responses: {
          '200': {
            description: 'A page of cases; nextCursor when there is more.',
            content: json('StaffSubmissionList'),
          },
          '400': problem('Unknown parameter or value: `errors` names each.'),
          ...staffDenied,
        },
      },
    },
    '/v1/staff/submissions/counts': {
      get: {
        ...staffCase,
        summary:
          'Tab counts (mine, unassigned, committee, overdue, due soon), counted up to `limit` (a value above it reads "more than limit").',
        responses: { '200': { description: 'Counts.', content: json('StaffCaseCounts') }, ...staffDenied },
      },
    },
    '/v1/staff/submissions/{reference}': {
      get: {
        ...staffCase,
        summary:
          "One case for the caller's role: national ID masked (last 4) for officers and managers, mobile and e-mail masked for managers, household and income only for the committee and the token. Audited (case.view).",
        parameters: [referenceParameter],
        responses: {
          '200': {
            description: 'The case, its timeline, decision and allowed actions.',
            content: json('StaffSubmissionDetail'),
          },
          ...staffDenied,
          '404': problem('Unknown reference (or not referred, for the committee).'),
        },
      },
    },
    '/v1/staff/submissions/{reference}/status': caseChange(
      'Change the status along the workflow (officer, token; the committee may ask a question about a referred request). rejected and needs_info need a note, which the applicant sees.',
      'StaffStatusUpdate',
    ),
    '/v1/staff/submissions/{reference}/notes': caseChange(
      'Add a note: internal unless public is true (public notes appear in the status lookup). Officer.',
      'StaffNoteBody',
    ),
    '/v1/staff/submissions/{reference}/assign': caseChange(
      'Assign to an active officer or committee member, or unassign (null). Officer.',
      'StaffAssignBody',
    ),
    '/v1/staff/submissions/{reference}/refer': caseChange(
      'Refer a request to the research committee (→ referred), with an internal note. Officer.',
      'StaffReferBody',
    ),
    '/v1/staff/submissions/{reference}/decision': caseChange(
      "The committee's decision on a referred request: accepted or rejected, an internal reason, and the public note the applicant reads (required for rejected).",
      'StaffDecisionBody',
    ),
    '/v1/staff/submissions/{reference}/attachments/{id}': {
      get: {
        ...staffCase,
        summary:
          'Download an attachment (officer, committee for referred requests, token). Always a download; audited (case.attachment).',
        parameters: [referenceParameter, { name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': {
            description: 'The file.',
            content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
          },
          ...staffDenied,
          '404': problem('No such attachment.'),
        },
      },
    },
    '/v1/staff/submissions/{reference}/messages': {
      get: {
        ...staffCase,
        summary:
          "The messages sent to the applicant about this case (queued, sending, sent, failed with the provider's answer, not_configured); never their text or address. Officer, committee (referred requests), manager, token.",
        parameters: [referenceParameter],
        responses: {
          '200': { description: 'The messages, oldest first.', content: json('StaffMessageList') },
          ...staffDenied,
          '404': problem('Unknown reference (or not visible to this role).'),
        },
      },
    },
    '/v1/staff/submissions/{reference}/messages/{id}/resend': {
      post: {
        ...staffCase,
        summary:
          'Send a finished message again (officer): queues a copy under a new id, so receivers do not drop it as a repeat; audited (message.resend).',
        parameters: [referenceParameter, { name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '202': { description: 'The queued copy.', content: json('StaffMessage') },
          ...staffDenied,
          '404': problem('Unknown reference or message.'),
          '409': problem('The message is still queued or being sent (code `message_pending`).'),
        },
      },
    },
    '/v1/staff/me/notifications': {
      get: {
        ...staffCase,
        summary:
          'The e-mail notices this account asked for: a daily digest (from 07:00 Riyadh time) and due-date warnings (officer, committee, manager).',
        responses: {
          '200': { description: 'The settings (both false until chosen).', content: json('StaffNoticeSettings') },
          ...staffDenied,
        },
      },
      put: {
        ...staffCase,
        summary: 'Choose the notices (audited as account.update).',
        requestBody: { required: true, content: json('StaffNoticeSettings') },
        responses: {
          '200': { description: 'The settings as saved.', content: json('StaffNoticeSettings') },
          ...staffDenied,
          '422': problem('Invalid body.'),
        },
      },
    },
    '/v1/staff/intake': {
      post: {
        ...create(
          'Record a request or complaint brought in person, by phone, e-mail, social media or letter (officer). The payload is checked with the public form’s schema; errors are under payload.',
          'StaffIntakeBody',
          'StaffIntakeCreated',
          true,
        ).post,
        ...staffCase,
      },
    },
    '/v1/staff/session': {
      post: {
        summary:
          'Sign in with e-mail and password (and a TOTP code when the account has one). Sets the HttpOnly, SameSite=Strict cookie sila_staff (Secure over https); a new session id every time. Wrong e-mail or wrong password: one answer, 401 invalid_credentials.',
        requestBody: { required: true, content: json('SignIn') },
        responses: {
          '200': {
            description:
              'Signed in: the account, the CSRF token for changes, the idle (30 min) and absolute (12 h) expiry.',
            content: json('StaffSession'),
          },
          '401': problem('invalid_credentials, totp_required (password right, code missing) or invalid_totp.'),
          '403': problem('Sent from a page of another site (origin_refused).'),
          '422': problem('Missing or malformed fields.'),
          '429': problem(
            'Too many failures for this account or address: wait Retry-After seconds (the delay grows; never a permanent lock).',
          ),
        },
      },
      get: {
        ...staffCase,
        summary: 'The current session (the console asks "am I signed in").',
        responses: { '200': { description: 'The session.', content: json('StaffSession') }, ...staffDenied },
      },
      delete: {
        summary: 'Sign out: the session is deleted and the cookie cleared (204 also without a session).',
        responses: {
          '204': { description: 'Signed out.' },
          '403': problem('Missing X-CSRF-Token (csrf_failed) or another site (origin_refused).'),
        },
      },
    },
    '/v1/staff/me/password': {
      post: {
        ...staffCase,
        summary:
          'Change your own password (at least 12 characters); required first after a temporary password. Your other sessions end.',
        requestBody: { required: true, content: json('PasswordChange') },
        responses: {
          '204': { description: 'Changed.' },
          ...staffDenied,
          '422': problem('Current password wrong, or the new one too short or unchanged.'),
        },
      },
    },
    '/v1/staff/me/totp': {
      post: {
        ...staffCase,
        summary:
          'Start TOTP enrolment (RFC 6238, 6 digits, 30 s): a secret and an otpauth:// URL for the authenticator app. Nothing changes until confirmed.',
        responses: {
          '200': { description: 'The secret to enter or scan.', content: json('TotpEnrollment') },
          ...staffDenied,
        },
      },
    },
    '/v1/staff/me/totp/confirm': {
      post: {
        ...staffCase,
        summary: 'Confirm enrolment with a current code; from then on sign-in needs a code.',
        requestBody: { required: true, content: json('TotpConfirm') },
        responses: {
          '204': { description: 'TOTP is on.' },
          ...staffDenied,
          '409': problem('No enrolment started (totp_not_started).'),
          '422': problem('The code is not right.'),
        },
      },
    },
    '/v1/staff/accounts': {
      get: {
        ...staffCase,
        summary: 'All staff accounts (admin).',
        responses: {
          '200': { description: 'Accounts, active first.', content: json('StaffAccountList') },
          ...staffDenied,
        },
      },
      post: {
        ...staffCase,
        summary:
          'Create an account (admin). The temporary password is in this answer only; the person changes it at first sign-in.',
        requestBody: { required: true, content: json('AccountCreate') },
        responses: {
          '201': { description: 'Created.', content: json('AccountCreated') },
          ...staffDenied,
          '409': problem('The e-mail is taken (email_taken).'),
          '422': problem('Invalid fields.'),
        },
      },
    },
    '/v1/staff/accounts/assignable': {
      get: {
        ...staffCase,
        summary: 'Active officers and committee members, for the assignee picker (officer, admin).',
        responses: { '200': { description: 'id, name, role.', content: json('AssignableAccounts') }, ...staffDenied },
      },
    },
    '/v1/staff/accounts/{id}': {
      patch: {
        ...staffCase,
        summary:
          'Rename, change the role, disable or enable an account (admin). Disabling or a role change ends its sessions at once.',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        requestBody: { required: true, content: json('AccountUpdate') },
        responses: {
          '200': { description: 'The account.', content: json('StaffAccountListItem') },
          ...staffDenied,
          '404': problem('No such account.'),
          '409': problem('It would leave no active admin (last_admin).'),
          '422': problem('Nothing to change, or invalid fields.'),
        },
      },
    },
    '/v1/staff/accounts/{id}/reset-password': {
      post: {
        ...staffCase,
        summary: 'A new temporary password (admin), shown once; clears TOTP and ends the sessions.',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': { description: 'The temporary password.', content: json('TemporaryPassword') },
          ...staffDenied,
          '404': problem('No such account.'),
        },
      },
    },
    '/v1/staff/settings': {
      get: {
        ...staffCase,
        summary: 'Association-wide staff settings (admin).',
        responses: { '200': { description: 'Settings.', content: json('StaffSettings') }, ...staffDenied },
      },
      patch: {
        ...staffCase,
        summary:
          'Change settings (admin). requireTotp: every account must sign in with a code; those without one may only enrol. The admin must have TOTP first.',
        requestBody: { required: true, content: json('StaffSettingsUpdate') },
        responses: {
          '200': { description: 'Settings.', content: json('StaffSettings') },
          ...staffDenied,
          '409': problem('Enable your own TOTP first (totp_enrol_first).'),
        },
      },
    },
    '/v1/staff/audit': {
      get: {
        ...staffCase,
        summary:
          'The append-only audit log, newest first (admin): who, when, what (ids only), from where. Reading it is audited too.',
        parameters: [
          query('from', 'Date (Riyadh day) or date-time.'),
          query('to', 'Date (that whole Riyadh day) or date-time.'),
          query('actor', 'An account id, or api-token.'),
          query('action', 'An action, e.g. session.sign_in_failed.'),
          query('target', 'A case reference or account id.'),
          query('cursor', 'nextCursor of the previous page.'),
          query('limit', '1-200, default 50.'),
        ],
        responses: {
          '200': { description: 'A page.', content: json('AuditPage') },
          '400': problem('Unknown parameter or value (invalid_query).'),
          ...staffDenied,
        },
      },
    },
    '/v1/staff/audit.csv': {
      get: {
        ...staffCase,
        summary: 'The audit log as CSV with the same filters (admin; Riyadh times). The export is audited.',
        responses: {
          '200': { description: 'CSV.', content: { 'text/csv': { schema: { type: 'string' } } } },
          '400': problem('Unknown parameter or value.'),
          ...staffDenied,
        },
      },
    },
    '/v1/staff/export.csv': {
      get: {
        ...staff,
        summary:
          'All submissions as CSV (UTF-8 with BOM, so spreadsheet programs open Arabic correctly); references as shown to people, times in Riyadh time (YYYY-MM-DD HH:mm:ss). The integration token only (personal data); audited.',
        parameters: [query('lang', 'ar or en: headers and values in that language; without it, codes.')],
        responses: {
          '200': { description: 'CSV.', content: { 'text/csv': { schema: { type: 'string' } } } },
          '400': problem('Unknown parameter or value.'),
          ...staffDenied,
        },
      },
    },
    '/v1/staff/stats': {
      get: {
        ...staffCase,
        summary: 'Counts by kind, status and month; overdue requests; CSAT, NPS and CES (manager, admin, token).',
        parameters: [
          query('from', 'First day (Riyadh) or date-time.'),
          query('to', 'Last day (Riyadh) or date-time.'),
          query('kind', 'One kind: every count and the ratings narrow to it.'),
        ],
        responses: {
          '200': { description: 'Statistics.', content: json('StaffStats') },
          '400': problem('Unknown parameter or value.'),
          ...staffDenied,
        },
      },
    },
    '/v1/staff/reports': {
      get: {
        ...staffCase,
        summary:
          "The general manager's report for a period (manager, admin): counts, actions, times, deadlines, overdue list, satisfaction, visitors, compared with the previous period and the same period last year. Audited.",
        parameters: [
          query('period', 'month, quarter, year or custom.'),
          query('at', '2026-10 (month), 2026-Q4 (quarter), 2026 (year).'),
          query('from', 'custom: first day (Riyadh).'),
          query('to', 'custom: last day (Riyadh), at most two years after from.'),
          query('kind', 'One kind: every figure narrows to it.'),
        ],
        responses: {
          '200': { description: 'The report.', content: json('Report') },
          '400': problem('Unknown parameter or malformed period.'),
          ...staffDenied,
        },
      },
    },
    '/v1/staff/reports.xlsx': {
      get: {
        ...staffCase,
        summary:
          'The same report as an Excel workbook: one sheet per part; lang=ar (default) gives Arabic headers and right-to-left sheets, lang=en English. Audited.',
        responses: {
          '200': {
            description: 'XLSX.',
            content: {
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
                schema: { type: 'string', format: 'binary' },
              },
            },
          },
          '400': problem('Unknown parameter or malformed period.'),
          ...staffDenied,
        },
      },
    },
    '/v1/staff/visitors': {
      get: {
        ...staffCase,
        summary:
          'Walk-ins recorded for a range of days (default: the last 7), with each day’s total (officer, manager, admin).',
        parameters: [query('from', 'First day (Riyadh).'), query('to', 'Last day (Riyadh).')],
        responses: {
          '200': { description: 'Entries and daily totals.', content: json('VisitorList') },
          '400': problem('Unknown parameter or value.'),
          ...staffDenied,
        },
      },
      post: {
        ...staffCase,
        summary: 'Record walk-ins for a day: count and purpose, no names (officer, manager, admin). Audited.',
        requestBody: { required: true, content: json('VisitorEntryInput') },
        responses: {
          '201': { description: 'Recorded.', content: json('VisitorEntry') },
          '422': problem('Invalid day (or a future one), purpose or count.'),
          ...staffDenied,
        },
      },
    },
    '/v1/staff/privacy/search': {
      post: {
        ...staffCase,
        summary:
          'Everything held about one person (PDPL), found by exactly one of national ID, mobile or reference through the keyed hashes; the person is in the body, never the URL (admin). Audited.',
        requestBody: { required: true, content: json('PrivacySearch') },
        responses: {
          '200': { description: 'The cases held, unmasked.', content: json('PrivacySearchResult') },
          '422': problem('None or more than one of the three, or not a valid one.'),
          ...staffDenied,
        },
      },
    },
    '/v1/staff/privacy/export': {
      post: {
        ...staffCase,
        summary:
          'Download everything held about the person: every case with its payload (decrypted), timeline, attachment list, messages and rating, as JSON or CSV (reference, section, item, field, value) (admin). Audited.',
        requestBody: { required: true, content: json('PrivacyExport') },
        responses: {
          '200': {
            description: 'A file (Content-Disposition: attachment).',
            content: { 'application/json': { schema: { type: 'object' } }, 'text/csv': { schema: { type: 'string' } } },
          },
          '422': problem('Invalid search or format.'),
          ...staffDenied,
        },
      },
    },
    '/v1/staff/privacy/cases/{reference}/correct': {
      post: {
        ...staffCase,
        parameters: [referenceParameter],
        summary:
          'Correct the person’s fields with the public forms’ checks; the version moves on, the values are sealed again, the search hashes and the lookup verifier recomputed (admin). Audited with the field names only.',
        requestBody: { required: true, content: json('PrivacyCorrect') },
        responses: {
          '200': { description: 'The case as it now is.', content: json('PrivacyCase') },
          '404': problem('No such case.'),
          '409': problem('version_conflict (with `current`) or anonymised.'),
          '422': problem('A field is invalid (`changes.<field>`), not_applicable to this case, or no_personal_data.'),
          ...staffDenied,
        },
      },
    },
    '/v1/staff/privacy/cases/{reference}/erase': {
      post: {
        ...staffCase,
        parameters: [referenceParameter],
        summary:
          'Erase the person’s data from the case (confirm: its reference typed again): personal fields, free text, attachments and the lookup verifier go; existence, kind, dates, status and statistics stay (admin). Audited.',
        requestBody: { required: true, content: json('PrivacyErase') },
        responses: {
          '200': { description: 'The case as it now is (anonymisedAt set).', content: json('PrivacyCase') },
          '404': problem('No such case.'),
          '409': problem('version_conflict (with `current`) or anonymised.'),
          '422': problem('confirmation_mismatch.'),
          ...staffDenied,
        },
      },
    },
  },
  components: {
    schemas: components,
    securitySchemes: {
      staffToken: { type: 'http', scheme: 'bearer', description: 'SILA_ADMIN_TOKEN of the reference server.' },
      staffSession: {
        type: 'apiKey',
        in: 'cookie',
        name: 'sila_staff',
        description: 'The session cookie from POST /v1/staff/session; changes also send X-CSRF-Token.',
      },
    },
  },
};

export const openApiDocument = document;

if (process.argv[1]?.endsWith('openapi.ts')) {
  writeFileSync(new URL('../docs/openapi.json', import.meta.url), `${JSON.stringify(document, null, 2)}\n`);
  console.log('docs/openapi.json written');
}
