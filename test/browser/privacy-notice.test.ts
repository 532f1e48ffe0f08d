/**
 * The privacy notice (#21.6): who, purpose, retention, rights and how to use them are always
 * shown, the association's own text adds to them, and the wording fits what is sent. Drafts
 * holding income or health answers are kept on the device for hours, not 30 days.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/widgets/request-form/request-form.js';
import '../../src/widgets/complaint-form/complaint-form.js';
import type { SilaRequestForm } from '../../src/widgets/request-form/request-form.js';
import type { SilaComplaintForm } from '../../src/widgets/complaint-form/complaint-form.js';
import { configure } from '../../src/config.js';
import { DraftStore, SENSITIVE_DRAFT_HOURS } from '../../src/client/drafts.js';
import { setLocale } from '../../src/core/i18n.js';
import { choose, resetPage, seedStartedDraft, serverEndpoint, shadow, tick, until } from './helpers.js';

const OWN_TEXT = { ar: 'نلتزم بنظام حماية البيانات الشخصية.', en: 'We follow the Personal Data Protection Law.' };
const ASSOCIATION = {
  name: { ar: 'جمعية البر الأهلية', en: 'Al-Birr Charity' },
  privacyNotice: OWN_TEXT,
  contact: { phone: '0112345678' },
};

const notice = (el: Element) => shadow(el).querySelector('.privacy')!.textContent!.replace(/\s+/g, ' ').trim();

async function renderRequest(): Promise<SilaRequestForm> {
  seedStartedDraft('request', serverEndpoint());
  const el = await fixture<SilaRequestForm>(html`<sila-request-form endpoint=${serverEndpoint()}></sila-request-form>`);
  await until(() => notice(el).includes(OWN_TEXT.ar) || notice(el).includes(OWN_TEXT.en), 5_000, 'form-config');
  return el;
}

async function renderComplaint(): Promise<SilaComplaintForm> {
  seedStartedDraft('complaint', serverEndpoint());
  const el = await fixture<SilaComplaintForm>(
    html`<sila-complaint-form endpoint=${serverEndpoint()}></sila-complaint-form>`,
  );
  await until(() => notice(el).includes(OWN_TEXT.ar), 5_000, 'form-config');
  return el;
}

describe('privacy notice', () => {
  beforeEach(async () => {
    await resetPage();
    configure({ formConfig: { association: ASSOCIATION, retention: { anonymiseClosedAfterMonths: 24 } } });
  });
  afterEach(resetPage);

  it('keeps every mandatory part when the association adds its own text (request, ar and en)', async () => {
    const el = await renderRequest();
    const ar = notice(el);
    expect(ar).to.contain(OWN_TEXT.ar);
    expect(ar, 'who').to.contain('جمعية البر الأهلية هي المسؤولة عن بياناتك');
    expect(ar, 'purpose').to.contain('لكي تتعرف عليك جمعية البر الأهلية');
    expect(ar, 'retention').to.contain('24 شهرًا بعد إغلاق الحالة');
    expect(ar, 'rights').to.contain('الاطلاع على بياناتك أو تصحيحها أو حذفها');
    expect(ar, 'how').to.contain('0112345678');
    expect(ar, 'drafts').to.contain(`بعد ${SENSITIVE_DRAFT_HOURS} ساعة`);
    await expect(el).to.be.accessible();
    await setLocale('en');
    await el.updateComplete;
    const en = notice(el);
    expect(en).to.contain(OWN_TEXT.en).and.contain('Kept for 24 months after the case is closed');
    expect(en).to.contain('contact Al-Birr Charity (0112345678)');
    expect(en).to.contain(`after ${SENSITIVE_DRAFT_HOURS} hours`);
  });

  it('speaks of a message on a complaint, and asks nothing of an anonymous suggestion', async () => {
    const el = await renderComplaint();
    expect(notice(el)).to.contain('رسالتك').and.not.contain('طلبك');
    expect(notice(el)).to.contain('24 شهرًا').and.contain(OWN_TEXT.ar);
    choose(el, 'kind', 'suggestion');
    await el.updateComplete;
    tick(el, 'anonymous');
    await el.updateComplete;
    expect(notice(el)).to.contain('لا نطلب اسمك').and.not.contain('طلبك');
    expect(notice(el)).to.contain('يحق لك طلب الاطلاع');
    await expect(el).to.be.accessible();
  });
});

describe('drafts with income or health answers', () => {
  beforeEach(resetPage);
  afterEach(resetPage);

  const HOUR = 60 * 60 * 1000;
  function age(store: DraftStore, hours: number): void {
    const stored = JSON.parse(localStorage.getItem(store.key)!);
    localStorage.setItem(store.key, JSON.stringify({ ...stored, savedAt: Date.now() - hours * HOUR }));
  }

  it(`are kept ${SENSITIVE_DRAFT_HOURS} hours; other drafts 30 days`, () => {
    const sensitive = new DraftStore('request', 'https://example.org');
    sensitive.save({ values: { 'applicant.fullName': 'نورة', 'household.incomeBracket': 'under_3000' }, startedAt: 0 });
    age(sensitive, SENSITIVE_DRAFT_HOURS - 1);
    expect(sensitive.load()?.values['applicant.fullName']).to.equal('نورة');
    age(sensitive, SENSITIVE_DRAFT_HOURS + 1);
    expect(sensitive.load()).to.equal(undefined);
    expect(localStorage.getItem(sensitive.key), 'dropped from the device').to.equal(null);

    const health = new DraftStore('request-health', 'https://example.org');
    health.save({ values: { service: 'medical_support' }, startedAt: 0 });
    age(health, SENSITIVE_DRAFT_HOURS + 1);
    expect(health.load()).to.equal(undefined);

    const plain = new DraftStore('complaint', 'https://example.org');
    plain.save({ values: { subject: 'ساعات العمل', 'household.incomeBracket': '' }, startedAt: 0 });
    age(plain, 5 * 24);
    expect(plain.load()?.values.subject).to.equal('ساعات العمل');
  });
});
