// A minimal staff panel for walking the whole cycle in the demo: list recent
// submissions, move one along with a public note, then look it up as the applicant.
// The token lives in this module's memory only (never storage, URL or cookies), and
// every text from the server goes through textContent.
import { formatDateTime, onLanguageChange, t } from './i18n.js';

const STATUS_LABELS = {
  received: { ar: 'تم الاستلام', en: 'Received' },
  under_review: { ar: 'قيد الدراسة', en: 'Under review' },
  needs_info: { ar: 'مطلوب معلومات', en: 'Information needed' },
  referred: { ar: 'محال لاتخاذ القرار', en: 'Referred for a decision' },
  accepted: { ar: 'مقبول', en: 'Accepted' },
  rejected: { ar: 'غير مقبول', en: 'Not accepted' },
  resolved: { ar: 'تمت المعالجة', en: 'Resolved' },
  closed: { ar: 'مغلق', en: 'Closed' },
};
const KIND_LABELS = {
  request: { ar: 'طلب خدمة', en: 'Service request' },
  complaint: { ar: 'شكوى', en: 'Complaint' },
  suggestion: { ar: 'اقتراح', en: 'Suggestion' },
  inquiry: { ar: 'استفسار', en: 'Inquiry' },
  compensation: { ar: 'طلب تعويض', en: 'Compensation claim' },
};

const loginForm = document.getElementById('staff-login');
const tokenInput = document.getElementById('staff-token');
const forgetButton = document.getElementById('staff-forget');
const refreshButton = document.getElementById('staff-refresh');
const errorBox = document.getElementById('staff-error');
const listSection = document.getElementById('staff-list-section');
const countLine = document.getElementById('staff-count');
const list = document.getElementById('staff-list');
const updateForm = document.getElementById('staff-update');
const selectedHeading = document.getElementById('staff-selected');
const detailsList = document.getElementById('staff-details');
const statusSelect = document.getElementById('staff-status');
const noteInput = document.getElementById('staff-note');
const publicCheckbox = document.getElementById('staff-note-public');
const saveButton = document.getElementById('staff-save');
const lookupButton = document.getElementById('staff-open-lookup');
const resultLine = document.getElementById('staff-result');

let token = '';
/** @type {{ items: object[], total: number } | undefined} */
let listData;
/** @type {object | undefined} the selected submission in full (staff detail). */
let selected;

/** C4F7K2M9QX3TB → C-4F7K-2M9Q-X3TB, the way the confirmation printed it. */
function formatReference(reference) {
  return /^[A-Z][0-9A-Z]{12}$/.test(reference)
    ? `${reference[0]}-${reference.slice(1, 5)}-${reference.slice(5, 9)}-${reference.slice(9)}`
    : reference;
}

const label = (labels, value) => (labels[value] ? t(labels[value]) : value);

class StaffApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? String(status));
    this.status = status;
    this.problem = problem;
  }
}

async function staffFetch(path, init = {}) {
  let response;
  try {
    response = await fetch(`${location.origin}${path}`, {
      ...init,
      cache: 'no-store',
      headers: { ...init.headers, Authorization: `Bearer ${token}` },
    });
  } catch {
    throw new StaffApiError(0, undefined);
  }
  const body = await response.json().catch(() => undefined);
  if (!response.ok) throw new StaffApiError(response.status, body);
  return body;
}

/** A plain sentence for the common cases, then the server's own words and field errors. */
function showError(error) {
  errorBox.replaceChildren();
  const status = error instanceof StaffApiError ? error.status : 0;
  const problem = error instanceof StaffApiError ? error.problem : undefined;
  const summary = document.createElement('strong');
  summary.textContent =
    status === 0
      ? t({ ar: 'تعذّر الوصول إلى الخادم. تحقق من الاتصال ثم أعد المحاولة.', en: 'Could not reach the server. Check the connection and try again.' })
      : status === 401
        ? t({ ar: 'لم يُقبل الرمز (401). استخدم قيمة SILA_ADMIN_TOKEN التي شُغّل بها الخادم.', en: 'The token was not accepted (401). Use the SILA_ADMIN_TOKEN the server was started with.' })
        : status === 503 && problem?.code === 'staff_api_not_configured'
          ? t({
              ar: 'واجهة الموظفين معطلة في هذا الخادم لأن SILA_ADMIN_TOKEN غير مضبوط (503). أعد تشغيل الخادم مع SILA_ADMIN_TOKEN بطول 16 حرفًا على الأقل.',
              en: 'The staff API is off on this server because SILA_ADMIN_TOKEN is not set (503). Restart the server with a SILA_ADMIN_TOKEN of at least 16 characters.',
            })
          : t({ ar: `رفض الخادم الطلب (${status}).`, en: `The server refused the request (${status}).` });
  errorBox.append(summary);
  if (problem) {
    const detail = document.createElement('span');
    detail.className = 'server-text';
    detail.dir = 'ltr';
    detail.lang = 'en';
    detail.textContent = [problem.title, problem.detail, problem.code ? `[${problem.code}]` : ''].filter(Boolean).join(' — ');
    errorBox.append(detail);
    if (Array.isArray(problem.errors) && problem.errors.length > 0) {
      const fields = document.createElement('ul');
      fields.dir = 'ltr';
      for (const fieldError of problem.errors) {
        const item = document.createElement('li');
        item.textContent = `${fieldError.path}: ${fieldError.message ?? fieldError.code}`;
        fields.append(item);
      }
      errorBox.append(fields);
    }
  }
  errorBox.hidden = false;
}

function clearError() {
  errorBox.hidden = true;
  errorBox.replaceChildren();
}

function renderList() {
  list.replaceChildren();
  if (!listData) {
    listSection.hidden = true;
    return;
  }
  listSection.hidden = false;
  countLine.textContent =
    listData.items.length === 0
      ? t({ ar: 'لا توجد طلبات بعد. أرسل شكوى أو طلبًا من النماذج ثم حدّث القائمة.', en: 'Nothing yet. Send a complaint or a request with the forms, then refresh.' })
      : t({ ar: `أحدث ${listData.items.length}`, en: `Latest ${listData.items.length}` });
  for (const item of listData.items) {
    const row = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'submission';
    button.setAttribute('aria-pressed', String(selected?.reference === item.reference));
    const reference = document.createElement('span');
    reference.className = 'reference';
    reference.dir = 'ltr';
    reference.textContent = formatReference(item.reference);
    const meta = document.createElement('span');
    meta.className = 'meta';
    meta.textContent = [label(KIND_LABELS, item.kind), label(STATUS_LABELS, item.status), formatDateTime(item.receivedAt)].join(' · ');
    const name = document.createElement('span');
    name.className = 'meta';
    name.dir = 'auto';
    name.textContent = item.name ?? t({ ar: 'بلا اسم', en: 'Anonymous' });
    button.append(reference, meta, name);
    button.addEventListener('click', () => select(item.reference));
    row.append(button);
    list.append(row);
  }
}

function addDetail(term, value, { ltr = false } = {}) {
  const dt = document.createElement('dt');
  dt.textContent = term;
  const dd = document.createElement('dd');
  dd.textContent = value;
  dd.dir = ltr ? 'ltr' : 'auto';
  detailsList.append(dt, dd);
}

function renderSelected() {
  if (!selected) {
    updateForm.hidden = true;
    return;
  }
  updateForm.hidden = false;
  selectedHeading.textContent = `${t({ ar: 'تحديث', en: 'Update' })} ${formatReference(selected.reference)}`;
  detailsList.replaceChildren();
  addDetail(t({ ar: 'النوع', en: 'Kind' }), label(KIND_LABELS, selected.kind));
  addDetail(t({ ar: 'الحالة الحالية', en: 'Current status' }), label(STATUS_LABELS, selected.status));
  const payload = selected.payload ?? {};
  if (typeof payload.subject === 'string') addDetail(t({ ar: 'الموضوع', en: 'Subject' }), payload.subject);
  // The applicant's verification code for the lookup, so the evaluator can follow up.
  if (typeof payload.mobile === 'string') {
    addDetail(t({ ar: 'رمز التحقق للمتابعة (آخر 4 أرقام من الجوال)', en: 'Verification code for the lookup (last 4 digits of the mobile)' }), payload.mobile.replace(/\D/g, '').slice(-4), { ltr: true });
  }
  const lastNote = [...(selected.timeline ?? [])].reverse().find((entry) => entry.note);
  if (lastNote) {
    const visibility = lastNote.public ? t({ ar: 'ظاهرة للمستفيد', en: 'shown to the applicant' }) : t({ ar: 'داخلية', en: 'internal' });
    addDetail(`${t({ ar: 'آخر ملاحظة', en: 'Latest note' })} (${visibility})`, lastNote.note);
  }
}

async function loadList() {
  clearError();
  refreshButton.disabled = true;
  try {
    listData = await staffFetch('/v1/staff/submissions?limit=10');
    renderList();
  } catch (error) {
    listData = undefined;
    renderList();
    showError(error);
  } finally {
    refreshButton.disabled = false;
  }
}

async function select(reference) {
  clearError();
  resultLine.textContent = '';
  try {
    selected = await staffFetch(`/v1/staff/submissions/${encodeURIComponent(reference)}`);
    statusSelect.value = selected.status;
    noteInput.value = '';
    publicCheckbox.checked = true;
    renderList();
    renderSelected();
    statusSelect.focus();
  } catch (error) {
    showError(error);
  }
}

loginForm.addEventListener('submit', (event) => {
  event.preventDefault();
  token = tokenInput.value.trim();
  if (!token) {
    const message = document.createElement('strong');
    message.textContent = t({ ar: 'أدخل رمز الموظفين أولًا.', en: 'Enter the staff token first.' });
    errorBox.replaceChildren(message);
    errorBox.hidden = false;
    tokenInput.focus();
    return;
  }
  void loadList();
});

refreshButton.addEventListener('click', () => void loadList());

forgetButton.addEventListener('click', () => {
  token = '';
  tokenInput.value = '';
  listData = undefined;
  selected = undefined;
  clearError();
  resultLine.textContent = '';
  renderList();
  renderSelected();
  tokenInput.focus();
});

updateForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (!selected) return;
  clearError();
  resultLine.textContent = '';
  const body = { status: statusSelect.value, notePublic: publicCheckbox.checked, version: selected.version };
  const note = noteInput.value.trim();
  if (note) body.note = note;
  saveButton.disabled = true;
  try {
    selected = await staffFetch(`/v1/staff/submissions/${encodeURIComponent(selected.reference)}/status`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    noteInput.value = '';
    renderSelected();
    resultLine.textContent = t({
      ar: `تم الحفظ: ${formatReference(selected.reference)} الآن «${label(STATUS_LABELS, selected.status)}».`,
      en: `Saved: ${formatReference(selected.reference)} is now “${label(STATUS_LABELS, selected.status)}”.`,
    });
    await loadList();
  } catch (error) {
    showError(error);
  } finally {
    saveButton.disabled = false;
  }
});

// Fill the reference into the status lookup and take the evaluator there.
lookupButton.addEventListener('click', () => {
  if (!selected) return;
  const lookup = document.querySelector('#follow-up sila-status-lookup');
  if (!lookup) return;
  lookup.reference = formatReference(selected.reference);
  document.getElementById('follow-up').scrollIntoView({ block: 'start' });
  // The verification field is the next thing to type; fall back to the section.
  void lookup.updateComplete?.then(() => {
    const verifier = lookup.shadowRoot?.querySelector('input[name="verifier"]');
    if (verifier) verifier.focus();
  });
});

onLanguageChange(() => {
  renderList();
  renderSelected();
});
