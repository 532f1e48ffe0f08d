import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SilaComplaintForm } from '../../src/widgets/complaint-form/complaint-form.js';
import { configure } from '../../src/config.js';
import { setLocale } from '../../src/core/i18n.js';
import { outbox } from '../../src/client/outbox.js';
import type { SilaSubmitEvent } from '../../src/core/events.js';
import type { Complaint } from '../../src/contract/complaint.js';
import {
  chooseFile,
  choose,
  errorText,
  holdPosts,
  lookup,
  seedStartedDraft,
  serverEndpoint,
  staffRecord,
  shadow,
  focused,
  submitButton,
  tabAndType,
  tabTo as tabToField,
  tick,
  typeAndExpectMessages,
  typeInto,
  until,
} from './helpers.js';
import './fresh-page.js';
import {
  VALID,
  complaintFormHarness,
  fillValidComplaint,
  renderComplaintForm as renderForm,
} from './harnesses/complaint-form.js';
import { runSendingWidgetTests } from './sending-widget-suite.js';

const PDF_BYTES = '%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n';

/** Chooses a file in the document picker, as the browser's file dialog would. */
const chooseEvidence = (el: Element, file: File) => chooseFile(el, 'attachments.evidence', file);

/** Captures the payload the form would send, without sending it. */
async function capturePayload(el: SilaComplaintForm): Promise<SilaSubmitEvent<Complaint>> {
  const listener = oneEvent(el, 'sila-submit') as Promise<SilaSubmitEvent<Complaint>>;
  el.addEventListener('sila-submit', (event) => event.preventDefault(), { once: true });
  submitButton(el).click();
  return listener;
}

runSendingWidgetTests(complaintFormHarness);

describe('<sila-complaint-form>', () => {
  it('names itself in Arabic when empty: heading and Send button', async () => {
    const el = await renderForm();
    expect(shadow(el).querySelector('h2')!.textContent).to.equal('الشكاوى والاقتراحات والاستفسارات');
    expect(submitButton(el).textContent!.trim()).to.equal('إرسال الشكوى');
  });

  it('speaks English left-to-right with lang="en"', async () => {
    seedStartedDraft('complaint', serverEndpoint());
    const el = await fixture<SilaComplaintForm>(
      html`<sila-complaint-form lang="en" endpoint=${serverEndpoint()}></sila-complaint-form>`,
    );
    await el.updateComplete;
    await until(() => el.getAttribute('dir') === 'ltr', 5_000, 'ltr');
    expect(shadow(el).querySelector('h2')!.textContent).to.equal('Complaints, suggestions and inquiries');
    await expect(el).to.be.accessible();
  });

  it('shows the association categories and response period from the server form-config', async () => {
    const el = await renderForm();
    const options = [...shadow(el).querySelectorAll('select[name=category] option')].map(
      (o) => (o as HTMLOptionElement).value,
    );
    expect(options).to.include.members(['service_quality', 'delay', 'website']);
    expect(options).not.to.include('improvement');
    choose(el, 'kind', 'suggestion');
    await el.updateComplete;
    const forSuggestions = [...shadow(el).querySelectorAll('select[name=category] option')].map(
      (o) => (o as HTMLOptionElement).value,
    );
    expect(forSuggestions).to.include('improvement');
    expect(shadow(el).querySelector('.lead')!.textContent).to.contain('7 أيام');
  });

  it('on an empty submit, lists every error in a focused summary and marks the fields (Arabic)', async () => {
    const el = await renderForm();
    submitButton(el).click();
    await el.updateComplete;
    const summary = shadow(el).getElementById('error-summary')!;
    expect(summary).to.exist;
    expect(shadow(el).activeElement).to.equal(summary);
    expect(summary.querySelector('h3')!.textContent).to.equal('يوجد خطأ');
    const items = [...summary.querySelectorAll('a')].map((a) => a.textContent!.trim());
    expect(items).to.deep.equal([
      'اختر المجال.',
      'اكتب الموضوع في كلمات قليلة.',
      'اكتب التفاصيل.',
      'أدخل اسمك الكامل.',
      'أدخل رقم جوالك.',
      'إشعار الخصوصية: يجب الموافقة للمتابعة.',
    ]);
    const mobile = shadow(el).querySelector('[name="contact.mobile"]')!;
    expect(mobile.getAttribute('aria-invalid')).to.equal('true');
    const describedBy = mobile.getAttribute('aria-describedby')!.split(' ');
    expect(describedBy.map((id) => shadow(el).getElementById(id)?.textContent)).to.satisfy((texts: string[]) =>
      texts.some((text) => text?.includes('أدخل رقم جوالك.')),
    );
    await expect(el).to.be.accessible();
  });

  it('gives every field its own message, in English too', async () => {
    await setLocale('en');
    const el = await renderForm();
    await typeAndExpectMessages(el, [
      ['subject', 'ab', 'Error: Enter at least 3 characters.'],
      ['description', 'short', 'Error: Enter at least 10 characters.'],
      ['relatedReference', 'not-a-ref', { contains: 'Enter the reference number as shown on your confirmation' }],
      ['contact.name', 'x', 'Error: Enter at least 2 characters.'],
      ['contact.mobile', '12345', 'Error: Enter a Saudi mobile number, like 05XXXXXXXX.'],
      ['contact.email', 'someone@', 'Error: Enter an e-mail address like name@example.com.'],
    ]);
    await expect(el).to.be.accessible();
  });

  it('gives every field its own message in Arabic', async () => {
    const el = await renderForm();
    await typeAndExpectMessages(el, [
      ['subject', 'ab', 'خطأ: الحد الأدنى لعدد الأحرف: 3.'],
      ['contact.mobile', '٠١٢٣', { contains: 'أدخل رقم جوال سعوديًا صحيحًا' }],
      ['contact.email', 'someone@', { contains: 'أدخل بريدًا إلكترونيًا صحيحًا' }],
      ['description', 'x'.repeat(2001), 'خطأ: الحد الأقصى لعدد الأحرف: 2000.'],
    ]);
    expect(shadow(el).querySelector('.counter.over')!.textContent!.trim()).to.equal('عدد الأحرف الزائدة: 1');
  });

  it('does not show an error while the person is still typing the first time', async () => {
    const el = await renderForm();
    const input = shadow(el).querySelector<HTMLInputElement>('[name="contact.mobile"]')!;
    input.focus();
    input.value = '05';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(errorText(el, 'contact.mobile')).to.equal(undefined);
    input.blur();
    await el.updateComplete;
    expect(errorText(el, 'contact.mobile')).to.contain('رقم جوال');
  });

  it('accepts Arabic-Indic and Persian digits and sends the mobile as E.164', async () => {
    const el = await renderForm();
    fillValidComplaint(el, { mobile: '٠٥٥١٢٣٤٥٦٧' });
    typeInto(el, 'relatedReference', 'r-۴f7k-2m9q-x3tb');
    await el.updateComplete;
    const event = await capturePayload(el);
    expect(event.detail.payload.contact!.mobile).to.equal('+966551234567');
    expect(event.detail.payload.relatedReference).to.equal('R4F7K2M9QX3TB');
    expect(event.detail.payload.consent).to.deep.equal({ accepted: true, version: 'privacy-v1' });
  });

  it('moves focus to the field when an error summary link is followed', async () => {
    const el = await renderForm();
    submitButton(el).click();
    await el.updateComplete;
    const link = [...shadow(el).querySelectorAll<HTMLAnchorElement>('#error-summary a')].find((a) =>
      a.textContent!.startsWith('أدخل رقم جوالك'),
    )!;
    link.click();
    expect(shadow(el).activeElement?.getAttribute('name')).to.equal('contact.mobile');
  });

  it('lets a suggestion be anonymous, and only a suggestion', async () => {
    const el = await renderForm();
    expect(shadow(el).querySelector('[name=anonymous]')).to.equal(null);
    choose(el, 'kind', 'suggestion');
    await el.updateComplete;
    tick(el, 'anonymous');
    await el.updateComplete;
    expect(shadow(el).querySelector('[name="contact.name"]')).to.equal(null);
    choose(el, 'category', 'improvement');
    typeInto(el, 'subject', 'ساعات العمل');
    typeInto(el, 'description', 'أقترح تمديد ساعات استقبال المستفيدين مساءً.');
    tick(el, 'consent.accepted');
    await el.updateComplete;
    const event = await capturePayload(el);
    expect(event.detail.payload.anonymous).to.equal(true);
    expect(event.detail.payload.contact).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('gives an anonymous sender their follow-up code in a box of its own, copyable, that works for the lookup', async () => {
    const el = await renderForm();
    choose(el, 'kind', 'suggestion');
    await el.updateComplete;
    tick(el, 'anonymous');
    await el.updateComplete;
    choose(el, 'category', 'improvement');
    typeInto(el, 'subject', 'ساعات العمل');
    typeInto(el, 'description', 'أقترح تمديد ساعات استقبال المستفيدين مساءً.');
    tick(el, 'consent.accepted');
    await el.updateComplete;
    submitButton(el).click();
    await until(() => shadow(el).querySelector('[data-verifier]'), 10_000, 'confirmation');
    const box = shadow(el).querySelector('[part=follow-up-code]')!;
    expect(box.textContent).to.contain('رمز المتابعة');
    const code = box.querySelector('[data-verifier]')!.textContent!;
    expect(code).to.match(/^[0-9A-Z]{6}$/);
    // Copy the code: its own button says so; the reference's button does not.
    const writes: string[] = [];
    const clipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard')!;
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (text: string) => void writes.push(text) },
    });
    try {
      box.querySelector('button')!.click();
      await until(() => box.querySelector('button')!.textContent!.trim() === 'تم النسخ', 5_000, 'copied');
    } finally {
      delete (navigator as { clipboard?: Clipboard }).clipboard;
      expect(Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard')).to.deep.equal(clipboard);
    }
    expect(writes).to.deep.equal([code]);
    expect(shadow(el).querySelector('[part=reference] button')!.textContent!.trim()).to.equal('نسخ');
    expect(shadow(el).querySelector('[role=status]')!.textContent).to.contain('تم نسخ رمز المتابعة');
    await expect(el).to.be.accessible();
    // The reference and that code are what the status lookup asks for.
    const reference = shadow(el).querySelector('[data-reference]')!.textContent!;
    expect((await lookup(reference, code)).status).to.equal(200);
  });

  it('requires the e-mail when e-mail is the chosen contact channel', async () => {
    const el = await renderForm();
    fillValidComplaint(el);
    choose(el, 'contactChannel', 'email');
    submitButton(el).click();
    await el.updateComplete;
    expect(errorText(el, 'contact.email')).to.equal('خطأ: أدخل بريدك الإلكتروني.');
  });

  it('restores a draft after the element is created again, and clears it on request', async () => {
    const endpoint = serverEndpoint();
    let el = await renderForm(endpoint);
    typeInto(el, 'subject', 'مسودة محفوظة');
    typeInto(el, 'contact.mobile', '0551234567');
    el.remove();
    el = await renderForm(endpoint, false);
    expect(shadow(el).querySelector<HTMLInputElement>('[name=subject]')!.value).to.equal('مسودة محفوظة');
    expect(shadow(el).querySelector<HTMLInputElement>('[name="contact.mobile"]')!.value).to.equal('0551234567');
    expect(shadow(el).querySelector('.saved')).to.exist;
    const clear = [...shadow(el).querySelectorAll('button')].find((b) => b.textContent!.trim() === 'مسح إجاباتي')!;
    clear.click();
    await el.updateComplete;
    expect(shadow(el).querySelector<HTMLInputElement>('[name=subject]')!.value).to.equal('');
    expect(localStorage.getItem(`sila:draft:complaint:${endpoint}`)).to.equal(null);
  });

  it('shows the reference it got from the real server, and the person can look it up', async () => {
    const el = await renderForm();
    fillValidComplaint(el);
    await el.updateComplete;
    const submitted = oneEvent(el, 'sila-submitted');
    submitButton(el).click();
    await el.updateComplete;
    const { detail } = await submitted;
    await el.updateComplete;
    const shown = shadow(el).querySelector('[data-reference]')!.textContent!;
    expect(shown).to.match(/^C-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(shown.replace(/-/g, '')).to.equal(detail.reference);
    expect(shadow(el).getElementById('done-title')!.textContent).to.equal('استلمنا شكواك');

    const answer = await lookup(shown, '4567');
    expect(answer.status).to.equal(200);
    const body = await answer.json();
    expect(body.status).to.equal('received');
    expect(body.kind).to.equal('complaint');
  });

  it('puts the server’s field errors next to the fields', async () => {
    // The page offers a category this association's server does not know.
    configure({
      formConfig: { complaintCategories: [{ id: 'retired_topic', label: { ar: 'موضوع قديم', en: 'Old topic' } }] },
    });
    seedStartedDraft('complaint', serverEndpoint());
    const el = await fixture<SilaComplaintForm>(
      html`<sila-complaint-form endpoint=${serverEndpoint()}></sila-complaint-form>`,
    );
    await until(() => shadow(el).querySelector('option[value=retired_topic]'), 5_000, 'override');
    fillValidComplaint(el);
    choose(el, 'category', 'retired_topic');
    await el.updateComplete;
    const failed = oneEvent(el, 'sila-error');
    submitButton(el).click();
    const { detail } = await failed;
    expect(detail.error.kind).to.equal('validation');
    await el.updateComplete;
    expect(errorText(el, 'category')).to.equal('خطأ: اختر أحد الخيارات.');
    expect(shadow(el).activeElement?.id).to.equal('error-summary');
    await expect(el).to.be.accessible();
  });

  it('can be completed with the keyboard alone', async () => {
    const el = await renderForm();
    const root = shadow(el);
    const active = () => focused(el);
    const tabTo = (name: string) => tabToField(el, name);
    root.querySelector<HTMLInputElement>('input[name=kind][value=complaint]')!.focus();
    await sendKeys({ press: 'ArrowDown' }); // radio group: arrows move the choice
    expect(active()?.value).to.equal('suggestion');
    await sendKeys({ press: 'ArrowUp' });
    expect(active()?.value).to.equal('complaint');
    await tabTo('category');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    expect(root.querySelector<HTMLSelectElement>('select[name=category]')!.value).to.not.equal('');
    await tabAndType(el, [
      ['subject', VALID.subject],
      ['description', VALID.description],
      ['contact.name', VALID.name],
      ['contact.mobile', '0553334444'],
    ]);
    await tabTo('consent.accepted');
    await sendKeys({ press: 'Space' });
    expect(active()?.checked).to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(root.activeElement).to.equal(submitButton(el));
    const submitted = oneEvent(el, 'sila-submitted');
    await sendKeys({ press: 'Enter' });
    const { detail } = await submitted;
    expect(detail.reference).to.match(/^C/);
  });

  it('offers a supporting document only when the association accepts attachments', async () => {
    const el = await renderForm();
    const picker = shadow(el).querySelector<HTMLInputElement>('input[type=file][name="attachments.evidence"]')!;
    expect(picker.closest('fieldset')!.querySelector('legend')!.textContent).to.equal('رسالتك');
    expect(picker.accept).to.equal('application/pdf,image/jpeg,image/png');
    expect(shadow(el).querySelector(`label[for="${picker.id}"]`)!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'مستند داعم (اختياري)',
    );
    el.remove();
    const enabled = { enabled: false, maxFileBytes: 1, maxTotalBytes: 1, maxFiles: 0, types: [] };
    configure({ formConfig: { attachments: enabled } });
    const without = await fixture<SilaComplaintForm>(
      html`<sila-complaint-form endpoint=${serverEndpoint()}></sila-complaint-form>`,
    );
    await until(() => shadow(without).querySelector('.privacy a'), 5_000, 'form-config');
    expect(shadow(without).querySelector('input[type=file]')).to.equal(null);
  });

  it('refuses a document over the limit or of the wrong type on the spot, naming the limit', async () => {
    const el = await renderForm();
    const big = new File([new Uint8Array(5 * 1024 * 1024 + 1)], 'big.pdf', { type: 'application/pdf' });
    chooseEvidence(el, big);
    await el.updateComplete;
    expect(errorText(el, 'attachments.evidence')).to.equal('خطأ: هذا الملف أكبر من 5 ميغابايت. اختر ملفًا أصغر.');
    expect(shadow(el).activeElement?.getAttribute('name')).to.equal('attachments.evidence');
    expect(shadow(el).querySelector('.chosen')).to.equal(null);
    expect(shadow(el).querySelector('[role=status]')!.textContent).to.contain('5 ميغابايت');
    await expect(el).to.be.accessible();
    await setLocale('en');
    await el.updateComplete;
    expect(errorText(el, 'attachments.evidence')).to.equal(
      'Error: This file is larger than 5 MB. Choose a smaller file.',
    );
    chooseEvidence(el, new File(['<svg/>'], 'x.svg', { type: 'image/svg+xml' }));
    await el.updateComplete;
    expect(errorText(el, 'attachments.evidence')).to.equal(
      'Error: This type of file is not accepted. Use PDF, JPEG, PNG.',
    );
    await expect(el).to.be.accessible();
  });

  it('sends a PDF with the complaint (multipart), keeps it out of sila-submit, and the staff API lists it', async () => {
    const el = await renderForm();
    fillValidComplaint(el, { mobile: '0551212121' });
    chooseEvidence(el, new File([PDF_BYTES], 'إيصال.pdf', { type: 'application/pdf' }));
    await el.updateComplete;
    expect(shadow(el).querySelector('.chosen')!.textContent).to.contain('إيصال.pdf');
    expect(errorText(el, 'attachments.evidence')).to.equal(undefined);
    await expect(el).to.be.accessible();
    const submit = oneEvent(el, 'sila-submit') as Promise<SilaSubmitEvent<Complaint>>;
    const submitted = oneEvent(el, 'sila-submitted');
    submitButton(el).click();
    const { detail: sent } = await submit;
    expect(sent.payload.subject).to.equal(VALID.subject);
    expect(Object.keys(sent)).to.have.members(['kind', 'payload', 'idempotencyKey']);
    const { detail } = await submitted;
    const stored = await staffRecord(detail.reference!);
    expect(stored.attachments).to.have.length(1);
    expect(stored.attachments[0].kind).to.equal('evidence');
    expect(stored.attachments[0].mediaType).to.equal('application/pdf');
    await el.updateComplete;
    expect(shadow(el).querySelector('[data-reference]')).to.exist;
  });

  it('shows the upload while the document is sent, and keeps the file in the outbox', async () => {
    const { release } = holdPosts();
    const el = await renderForm();
    fillValidComplaint(el, { mobile: '0551313131' });
    chooseEvidence(el, new File([PDF_BYTES], 'receipt.pdf', { type: 'application/pdf' }));
    await el.updateComplete;
    submitButton(el).click();
    await until(() => shadow(el).querySelector('[part~=upload-progress] progress'), 5_000, 'upload progress');
    const [waiting] = await outbox.pending(`complaint:${serverEndpoint()}`);
    const body = waiting!.body as { payload: Complaint; files: { kind: string; file: Blob }[] };
    expect(body.payload.subject).to.equal(VALID.subject);
    expect(body.files.map((file) => file.kind)).to.deep.equal(['evidence']);
    expect(await body.files[0]!.file.text()).to.equal(PDF_BYTES);
    await expect(el).to.be.accessible();
    release();
    await until(() => shadow(el).querySelector('[data-reference]'), 10_000, 'delivered');
    expect(shadow(el).querySelector('[part~=upload-progress]')).to.equal(null);
  });

  it('puts the server’s answer about the document on the document field', async () => {
    const el = await renderForm();
    fillValidComplaint(el, { mobile: '0551414141' });
    // Named and typed as a PDF, but its bytes are not: only the server can tell.
    chooseEvidence(el, new File(['<html>not a pdf</html>'], 'fake.pdf', { type: 'application/pdf' }));
    await el.updateComplete;
    const failed = oneEvent(el, 'sila-error');
    submitButton(el).click();
    const { detail } = await failed;
    expect(detail.queued).to.equal(false);
    await el.updateComplete;
    expect(errorText(el, 'attachments.evidence')).to.equal(
      'خطأ: هذا النوع من الملفات غير مقبول. استخدم ملفات PDF أو JPEG أو PNG.',
    );
    expect(shadow(el).activeElement?.id).to.equal('error-summary');
    expect(shadow(el).getElementById('error-summary')!.textContent).to.contain('مستند داعم');
    await expect(el).to.be.accessible();
  });
});
