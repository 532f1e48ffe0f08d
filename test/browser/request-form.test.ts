import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SilaRequestForm } from '../../src/widgets/request-form/request-form.js';
import { configure } from '../../src/config.js';
import { setLocale } from '../../src/core/i18n.js';
import type { SilaSubmitEvent } from '../../src/core/events.js';
import type { ServiceRequest } from '../../src/contract/request.js';
import {
  choose,
  chooseFile,
  errorText,
  seedStartedDraft,
  serverEndpoint,
  focused,
  staffRecord,
  tabAndType,
  tabTo as tabToField,
  shadow,
  typeAndExpectMessages,
  typeInto,
  until,
} from './helpers.js';
import './fresh-page.js';
import {
  VALID,
  acceptDeclaration,
  fillApplicant,
  fillHousehold,
  fillService,
  next,
  renderRequestForm as renderForm,
  requestFormHarness,
  sendRequest,
  walkTo,
  walkToSend,
} from './harnesses/request-form.js';
import { runSendingWidgetTests } from './sending-widget-suite.js';

runSendingWidgetTests(requestFormHarness);

const root = (el: Element) => shadow(el);
const stepHeading = (el: Element) => root(el).querySelector('#step-title .step-heading')!.textContent!.trim();
const stepCaption = (el: Element) => root(el).querySelector('#step-title .caption')!.textContent!.trim();
const value = (el: Element, name: string) => root(el).querySelector<HTMLInputElement>(`[name="${name}"]`)!.value;

async function back(el: SilaRequestForm): Promise<void> {
  root(el).querySelector<HTMLButtonElement>('button[part=back]')!.click();
  await el.updateComplete;
}

function summaryItems(el: Element): string[] {
  return [...root(el).querySelectorAll('#error-summary a')].map((a) => a.textContent!.replace(/\s+/g, ' ').trim());
}

describe('<sila-request-form>', () => {
  it('opens in Arabic with a step indicator and the privacy notice first', async () => {
    const el = await renderForm();
    expect(root(el).querySelector('h2')!.textContent).to.equal('طلب مساعدة');
    expect(stepCaption(el)).to.equal('الخطوة 1 من 6');
    expect(stepHeading(el)).to.equal('بيانات مقدم الطلب');
    const items = [...root(el).querySelectorAll('ol.steps li')];
    expect(items).to.have.length(6);
    expect(items[0]!.getAttribute('aria-current')).to.equal('step');
    expect(items.filter((li) => li.hasAttribute('aria-current'))).to.have.length(1);
    // The notice comes before the first personal field, and links to the full notice.
    const notice = root(el).getElementById('privacy-notice')!;
    const firstField = root(el).querySelector('[name="applicant.fullName"]')!;
    expect(notice.compareDocumentPosition(firstField) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    // The server's relative link points at the server, wherever the form is embedded.
    expect(notice.querySelector(`a[href="${serverEndpoint()}/demo/privacy.html"]`)).to.exist;
    expect(notice.textContent).to.contain('حساسة');
    expect(root(el).querySelector('button[part=back]')).to.equal(null);
  });

  it('validates the applicant step on Continue, with a focused error summary (Arabic)', async () => {
    const el = await renderForm();
    await next(el);
    expect(stepHeading(el)).to.equal('بيانات مقدم الطلب');
    const summary = root(el).getElementById('error-summary')!;
    expect(root(el).activeElement).to.equal(summary);
    expect(summaryItems(el)).to.deep.equal([
      'أدخل اسمك الكامل.',
      'أدخل رقم الهوية الوطنية أو الإقامة.',
      'أدخل رقم جوالك.',
      'أدخل اسم مدينتك.',
      'أدخل تاريخ ميلادك.',
    ]);
    await expect(el).to.be.accessible();
    await typeAndExpectMessages(el, [
      ['applicant.nationalId', '1087654322', 'خطأ: أدخل رقم هوية وطنية أو إقامة صحيحًا من 10 أرقام.'],
      ['applicant.mobile', '٠١٢٣', { contains: 'أدخل رقم جوال سعوديًا صحيحًا' }],
      ['applicant.email', 'someone@', { contains: 'أدخل بريدًا إلكترونيًا صحيحًا' }],
      ['applicant.fullName', 'x', 'خطأ: الحد الأدنى لعدد الأحرف: 2.'],
    ]);
    const link = [...root(el).querySelectorAll<HTMLAnchorElement>('#error-summary a')].find((a) =>
      a.textContent!.startsWith('رقم الجوال'),
    )!;
    link.click();
    expect(root(el).activeElement?.getAttribute('name')).to.equal('applicant.mobile');
    await expect(el).to.be.accessible();
  });

  it('validates every step in English', async () => {
    await setLocale('en');
    const el = await renderForm();
    await until(() => el.getAttribute('dir') === 'ltr', 5_000, 'ltr');
    expect(stepCaption(el)).to.equal('Step 1 of 6');
    typeInto(el, 'applicant.nationalId', '12345');
    typeInto(el, 'applicant.mobile', '0123');
    await next(el);
    // An empty field's message names the field (#21.11), beside it and in the summary.
    expect(errorText(el, 'applicant.fullName')).to.equal('Error: Enter your full name.');
    expect(errorText(el, 'applicant.nationalId')).to.equal(
      'Error: Enter a valid 10-digit national ID or iqama number.',
    );
    expect(errorText(el, 'applicant.mobile')).to.equal('Error: Enter a Saudi mobile number, like 05XXXXXXXX.');
    expect(errorText(el, 'applicant.email')).to.equal(undefined); // optional
    await expect(el).to.be.accessible();
    fillApplicant(el);
    await next(el);
    expect(stepHeading(el)).to.equal('Household and situation');
    expect(root(el).querySelector('#error-summary')).to.equal(null); // a new step starts clean
    typeInto(el, 'household.householdSize', '40');
    await next(el);
    expect(summaryItems(el)).to.deep.equal([
      'Number of people in the household: Enter 30 or less.',
      'Monthly household income: Choose one of the options.',
      'Work: Choose one of the options.',
      'Housing: Choose one of the options.',
    ]);
    await expect(el).to.be.accessible();
    fillHousehold(el);
    await next(el);
    expect(stepHeading(el)).to.equal('The service requested');
    typeInto(el, 'description', 'short');
    await next(el);
    expect(errorText(el, 'service')).to.equal('Error: Choose the service you need.');
    expect(errorText(el, 'description')).to.equal('Error: Enter at least 10 characters.');
    await expect(el).to.be.accessible();
  });

  it('validates the household and service steps in Arabic', async () => {
    const el = await renderForm();
    await walkTo(el, 'household');
    typeInto(el, 'household.householdSize', 'abc');
    await next(el);
    expect(errorText(el, 'household.householdSize')).to.equal('خطأ: أدخل رقمًا صحيحًا.');
    expect(summaryItems(el)).to.include('السكن: اختر أحد الخيارات.');
    fillHousehold(el);
    await next(el);
    await next(el);
    expect(summaryItems(el)).to.deep.equal(['اختر الخدمة التي تحتاج إليها.', 'صِف احتياجك.']);
    await expect(el).to.be.accessible();
  });

  it('moves focus to the step heading and keeps every answer through Back and Continue', async () => {
    const el = await renderForm();
    fillApplicant(el, { nationalId: '١٠٨٧٦٥٤٣٢١', mobile: '٠٥٥١٢٣٤٥٦٧' });
    await next(el);
    expect(root(el).activeElement?.id).to.equal('step-title');
    expect(stepCaption(el)).to.equal('الخطوة 2 من 6');
    const items = [...root(el).querySelectorAll('ol.steps li')];
    expect(items[1]!.getAttribute('aria-current')).to.equal('step');
    expect(items[0]!.textContent).to.contain('(مكتملة)');
    fillHousehold(el);
    await next(el);
    typeInto(el, 'description', VALID.description);
    await back(el);
    expect(root(el).activeElement?.id).to.equal('step-title');
    expect(value(el, 'household.householdSize')).to.equal('٥');
    expect(root(el).querySelector<HTMLInputElement>('input[name="household.housing"][value=rented]')!.checked).to.equal(
      true,
    );
    await back(el);
    expect(value(el, 'applicant.nationalId')).to.equal('١٠٨٧٦٥٤٣٢١');
    expect(value(el, 'applicant.birthDate#year')).to.equal('1990');
    expect(value(el, 'applicant.birthDate#day')).to.equal('15');
    // The Hijri equivalent is shown beside the Gregorian date, and read with the field.
    const hijri = root(el).querySelector('.other-calendar')!;
    expect(hijri.textContent).to.contain('1410');
    expect(root(el).querySelector('fieldset.date-field')!.getAttribute('aria-describedby')).to.contain(hijri.id);
    await next(el);
    await next(el);
    expect(value(el, 'description')).to.equal(VALID.description);
    await expect(el).to.be.accessible();
  });

  it('accepts Arabic-Indic digits and reviews exactly what will be sent', async () => {
    const el = await renderForm();
    fillApplicant(el, { nationalId: '١٠٨٧٦٥٤٣٢١', mobile: '۰۵۵۱۲۳۴۵۶۷' });
    typeInto(el, 'applicant.email', ' Fatima@example.org ');
    await walkTo(el, 'review', { axe: true });
    await expect(el).to.be.accessible();
    const rows = Object.fromEntries(
      [...root(el).querySelectorAll('.review-row')].map((row) => [
        row.getAttribute('data-field'),
        row.querySelector('dd')!.textContent!.replace(/\s+/g, ' ').trim(),
      ]),
    );
    await next(el);
    expect(stepHeading(el)).to.equal('الإقرار والإرسال');
    await acceptDeclaration(el);
    el.addEventListener('sila-submit', (event) => event.preventDefault(), { once: true });
    const captured = oneEvent(el, 'sila-submit') as Promise<SilaSubmitEvent<ServiceRequest>>;
    await next(el);
    const { payload } = (await captured).detail;
    expect(payload.applicant.nationalId).to.equal('1087654321');
    expect(payload.applicant.mobile).to.equal('+966551234567');
    expect(payload.household!.householdSize).to.equal(5);
    expect(payload.declaration).to.deep.equal({ accepted: true, version: 'declaration-v1' });
    expect(payload.audience).to.equal('beneficiary');
    // The review showed the same values.
    expect(rows['applicant.fullName']).to.equal(payload.applicant.fullName);
    expect(rows['applicant.nationalId']).to.equal(payload.applicant.nationalId);
    expect(rows['applicant.mobile']).to.equal(payload.applicant.mobile);
    expect(rows['applicant.email']).to.equal(payload.applicant.email);
    expect(rows['applicant.email']).to.equal('Fatima@example.org');
    expect(rows['applicant.city']).to.equal(payload.applicant.city);
    expect(rows['applicant.birthDate']).to.contain('1990').and.to.contain('1410');
    expect(rows['household.householdSize']).to.equal('5');
    expect(rows['household.incomeBracket']).to.equal('أقل من 3,000 ريال شهريًا');
    expect(rows['service']).to.equal('دعم السكن');
    expect(rows['description']).to.equal(payload.description);
    expect(rows['attachments.id_copy']).to.equal('لم يُرفق');
  });

  it('jumps from a Change button to the step and back to the review', async () => {
    const el = await renderForm();
    await walkTo(el, 'review');
    const change = root(el).querySelector<HTMLButtonElement>('[data-step=household] .review-head button')!;
    expect(change.textContent!.replace(/\s+/g, ' ').trim()).to.equal('تعديل الأسرة والحالة');
    change.click();
    await el.updateComplete;
    expect(stepHeading(el)).to.equal('الأسرة والحالة');
    expect(root(el).activeElement?.id).to.equal('step-title');
    expect(root(el).querySelector('button[part=next]')!.textContent!.trim()).to.equal('حفظ والعودة إلى إجاباتك');
    typeInto(el, 'household.householdSize', '7');
    await next(el);
    expect(stepHeading(el)).to.equal('راجع إجاباتك');
    expect(root(el).querySelector('[data-field="household.householdSize"] dd')!.textContent!.trim()).to.equal('7');
  });

  it('cannot be sent without the declaration, and shows the committee notice with the review period', async () => {
    let posts = 0;
    configure({ fetch: (input, init) => (init?.method === 'POST' && posts++, fetch(input, init)) });
    const el = await renderForm();
    await walkTo(el, 'declaration');
    const notice = root(el).querySelector('[part=committee-notice]')!.textContent!.trim();
    expect(notice).to.equal('سيُرفَع طلبك إلى لجنة البحث الاجتماعي لدراسته والرد عليه بالقبول أو الرفض خلال 14 يومًا.');
    const label = root(el).querySelector('input[name="declaration.accepted"]')!.closest('label')!.textContent!.trim();
    expect(label).to.equal('أُقرّ بصحة البيانات المقدَّمة، وأتحمّل المسؤولية المباشرة عن صحة المعلومات.');
    await expect(el).to.be.accessible();
    await next(el);
    expect(summaryItems(el)).to.deep.equal([
      'الإقرار: يجب الموافقة للمتابعة.',
      'إشعار الخصوصية: يجب الموافقة للمتابعة.',
    ]);
    expect(root(el).activeElement?.id).to.equal('error-summary');
    expect(root(el).querySelector('[name="declaration.accepted"]')!.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
    // The declaration failed validation before anything awaited: no send was started.
    await el.updateComplete;
    expect(posts).to.equal(0);
  });

  it('restores the step and the answers after a reload, without the national ID by default', async () => {
    const endpoint = serverEndpoint();
    let el = await renderForm();
    await walkTo(el, 'service');
    typeInto(el, 'description', 'مسودة لم تكتمل بعد');
    const saved = JSON.parse(localStorage.getItem(`sila:draft:request:${endpoint}`)!);
    expect(saved.step).to.equal('service');
    expect(saved.values['applicant.nationalId']).to.equal(undefined);
    expect(saved.values['applicant.mobile']).to.equal(VALID.mobile);
    el.remove();
    el = await renderForm({ seed: false });
    // The ID was not kept, so the applicant step asks for it again; the rest is back.
    expect(stepHeading(el)).to.equal('بيانات مقدم الطلب');
    expect(value(el, 'applicant.nationalId')).to.equal('');
    expect(value(el, 'applicant.fullName')).to.equal(VALID.fullName);
    expect(root(el).textContent).to.contain('لا يُحفظ رقم هويتك على هذا الجهاز');
    await expect(el).to.be.accessible();
    typeInto(el, 'applicant.nationalId', VALID.nationalId);
    await next(el);
    await next(el);
    expect(value(el, 'description')).to.equal('مسودة لم تكتمل بعد');
  });

  it('restores exactly the step it was on when the page keeps national IDs in drafts', async () => {
    configure({ storeNationalIdInDrafts: true });
    let el = await renderForm();
    await walkTo(el, 'service');
    choose(el, 'service', 'food_basket');
    el.remove();
    el = await renderForm({ seed: false });
    expect(stepHeading(el)).to.equal('الخدمة المطلوبة');
    expect(stepCaption(el)).to.equal('الخطوة 3 من 6');
    expect(root(el).querySelector<HTMLSelectElement>('select[name=service]')!.value).to.equal('food_basket');
    await back(el);
    await back(el);
    expect(value(el, 'applicant.nationalId')).to.equal(VALID.nationalId);
  });

  it('sends to the real server: reference, decision date in both calendars, follow-up link, stored declaration', async () => {
    const el = await renderForm({ statusUrl: '/status.html' });
    await walkToSend(el, { axe: true });
    const detail = await sendRequest(el);
    await el.updateComplete;
    const shown = root(el).querySelector('[data-reference]')!.textContent!;
    expect(shown).to.match(/^R-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(shown.replace(/-/g, '')).to.equal(detail.reference);
    expect(root(el).getElementById('done-title')!.textContent).to.equal('استلمنا طلبك');
    const decision = root(el).querySelector('[data-decision]')!.textContent!;
    const expected = new Date((detail.result as { expectedDecisionBy: string }).expectedDecisionBy);
    expect(decision).to.contain(String(expected.getUTCFullYear()));
    expect(decision).to.match(/14\d\d/); // the Hijri year
    expect(root(el).querySelector('a[part=status-link]')!.getAttribute('href')).to.equal(`/status.html?ref=${shown}`);

    const stored = await staffRecord(detail.reference!);
    expect(stored.kind).to.equal('request');
    expect(stored.declaration.accepted).to.equal(true);
    expect(stored.consent).to.include({ accepted: true, version: 'privacy-v1' });
    expect(stored.declaration.version).to.equal('declaration-v1');
    expect(Date.parse(stored.declaration.acceptedAt)).to.be.greaterThan(0);
    expect(stored.payload.applicant.nationalId).to.equal('1087654321');
    expect(stored.payload.household.incomeBracket).to.equal('under_3000');
    expect(stored.payload.service).to.equal('housing_support');
  });

  it('serves members: member labels, member services only, no household step', async () => {
    const el = await renderForm({ audience: 'member', noHousehold: true });
    expect(root(el).querySelector('h2')!.textContent).to.equal('طلب خدمة عضو');
    expect(stepHeading(el)).to.equal('بيانات العضو');
    expect(stepCaption(el)).to.equal('الخطوة 1 من 5');
    expect(el.steps).to.not.include('household');
    await expect(el).to.be.accessible();
    fillApplicant(el);
    await next(el);
    expect(stepHeading(el)).to.equal('الخدمة المطلوبة');
    const services = [...root(el).querySelectorAll<HTMLOptionElement>('select[name=service] option')].map(
      (o) => o.value,
    );
    expect(services).to.include.members(['membership_card', 'assembly_documents', 'training', 'other']);
    expect(services).to.not.include('financial_aid');
    fillService(el, 'membership_card');
    await next(el);
    await next(el);
    expect(stepHeading(el)).to.equal('راجع إجاباتك');
    expect(root(el).querySelector('[data-step=applicant] h4')!.textContent).to.equal('بيانات العضو');
    expect(root(el).querySelector('[data-step=household]')).to.equal(null);
    await next(el);
    await acceptDeclaration(el);
    const detail = await sendRequest(el);
    const stored = await staffRecord(detail.reference!);
    expect(stored.payload.audience).to.equal('member');
    expect(stored.payload.household).to.equal(undefined);
  });

  it('speaks of members in English too', async () => {
    await setLocale('en');
    const el = await renderForm({ audience: 'member' });
    expect(root(el).querySelector('h2')!.textContent).to.equal('Member service request');
    expect(stepHeading(el)).to.equal('Member details');
    await expect(el).to.be.accessible();
  });

  it('refuses a document over the limit on the spot, naming the limit', async () => {
    const el = await renderForm();
    await walkTo(el, 'attachments');
    await expect(el).to.be.accessible();
    const big = new File([new Uint8Array(5 * 1024 * 1024 + 1)], 'big.pdf', { type: 'application/pdf' });
    chooseFile(el, 'attachments.id_copy', big);
    await el.updateComplete;
    expect(errorText(el, 'attachments.id_copy')).to.equal('خطأ: هذا الملف أكبر من 5 ميغابايت. اختر ملفًا أصغر.');
    expect(root(el).activeElement?.getAttribute('name')).to.equal('attachments.id_copy');
    expect(root(el).querySelector('.chosen')).to.equal(null);
    await expect(el).to.be.accessible();
    await setLocale('en');
    await el.updateComplete;
    expect(errorText(el, 'attachments.id_copy')).to.equal(
      'Error: This file is larger than 5 MB. Choose a smaller file.',
    );
    chooseFile(el, 'attachments.id_copy', new File(['<svg/>'], 'x.svg', { type: 'image/svg+xml' }));
    await el.updateComplete;
    expect(errorText(el, 'attachments.id_copy')).to.equal(
      'Error: This type of file is not accepted. Use PDF, JPEG, PNG.',
    );
  });

  it('uploads documents with the request (multipart) and the staff API lists them', async () => {
    const el = await renderForm();
    await walkTo(el, 'attachments');
    const pdf = new File(['%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'], 'هوية.pdf', {
      type: 'application/pdf',
    });
    chooseFile(el, 'attachments.id_copy', pdf);
    await el.updateComplete;
    expect(root(el).querySelector('.chosen')!.textContent).to.contain('هوية.pdf');
    await expect(el).to.be.accessible();
    await next(el);
    expect(root(el).querySelector('[data-field="attachments.id_copy"] dd')!.textContent).to.contain('هوية.pdf');
    await next(el);
    await acceptDeclaration(el);
    const detail = await sendRequest(el);
    expect((detail.result as { attachments?: unknown[] }).attachments).to.have.length(1);
    const stored = await staffRecord(detail.reference!);
    expect(stored.attachments).to.have.length(1);
    expect(stored.attachments[0].kind).to.equal('id_copy');
    expect(stored.attachments[0].mediaType).to.equal('application/pdf');
  });

  it('can be completed with the keyboard alone', async () => {
    configure({
      formConfig: { attachments: { enabled: false, maxFileBytes: 1, maxTotalBytes: 1, maxFiles: 1, types: [] } },
    });
    seedStartedDraft('request', serverEndpoint());
    const el = await fixture<SilaRequestForm>(
      html`<sila-request-form endpoint=${serverEndpoint()} no-household></sila-request-form>`,
    );
    await el.updateComplete;
    const active = () => focused(el);
    const tabTo = (name: string) => tabToField(el, name);
    root(el).querySelector<HTMLInputElement>('[name="applicant.fullName"]')!.focus();
    await sendKeys({ type: 'Salma Ali' });
    await tabAndType(el, [
      ['applicant.nationalId', VALID.nationalId],
      ['applicant.mobile', '0551230000'],
      ['applicant.city', 'Jeddah'],
      // The birth date: Hijri by default (as on a Saudi ID), day, month, year.
      ['applicant.birthDate#day', '20'],
      ['applicant.birthDate#month', '10'],
      ['applicant.birthDate#year', '1410'],
    ]);
    expect(active()?.value).to.equal('1410');
    await sendKeys({ press: 'Enter' }); // Enter submits the step
    await el.updateComplete;
    expect(stepHeading(el)).to.equal('الخدمة المطلوبة');
    expect(root(el).activeElement?.id).to.equal('step-title');
    await tabTo('service');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await tabTo('description');
    await sendKeys({ type: 'I need help with my rent this year.' });
    await sendKeys({ press: 'Tab' });
    expect(active()?.getAttribute('part')).to.equal('next');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(stepHeading(el)).to.equal('راجع إجاباتك');
    for (let i = 0; i < 10 && active()?.getAttribute('part') !== 'next'; i++) await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await tabTo('declaration.accepted');
    await sendKeys({ press: 'Space' });
    expect(active()?.checked).to.equal(true);
    await tabTo('consent.accepted');
    await sendKeys({ press: 'Space' });
    expect(active()?.checked).to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(active()?.getAttribute('part')).to.equal('submit');
    const submitted = oneEvent(el, 'sila-submitted');
    await sendKeys({ press: 'Enter' });
    const { detail } = await submitted;
    expect(detail.reference).to.match(/^R/);
  });
});
