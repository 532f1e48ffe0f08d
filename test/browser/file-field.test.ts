/**
 * The document picker (#21.5): a labelled, localized control over the native input (kept for
 * keyboards and screen readers, its English text never seen), and drag and drop on desktop.
 * In the complaint form, against the real test server.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SilaComplaintForm } from '../../src/widgets/complaint-form/complaint-form.js';
import { setLocale } from '../../src/core/i18n.js';
import { errorText, shadow } from './helpers.js';
import './fresh-page.js';
import { renderComplaintForm } from './harnesses/complaint-form.js';

const NAME = 'attachments.evidence';

async function renderForm(): Promise<SilaComplaintForm> {
  const el = await renderComplaintForm();
  await el.updateComplete;
  return el;
}

const zone = (el: Element) => shadow(el).querySelector<HTMLElement>('.file-drop')!;
const picker = (el: Element) => shadow(el).querySelector<HTMLInputElement>(`input[type=file][name="${NAME}"]`)!;
const visibleText = (el: Element) => zone(el).innerText.replace(/\s+/g, ' ').trim();

function drag(el: Element, type: 'dragenter' | 'dragover' | 'drop', file?: File): DragEvent {
  const transfer = new DataTransfer();
  if (file) transfer.items.add(file);
  const event = new DragEvent(type, { bubbles: true, cancelable: true, composed: true, dataTransfer: transfer });
  // The native input covers the zone: that is what the pointer is over.
  picker(el).dispatchEvent(event);
  return event;
}

describe('document picker', () => {
  it('shows its own words, not the browser’s, with the native input over the zone', async () => {
    const el = await renderForm();
    const input = picker(el);
    expect(visibleText(el))
      .to.contain('اختر ملفًا')
      .and.not.to.match(/Choose File|No file chosen/);
    expect(getComputedStyle(input).opacity).to.equal('0');
    const [inputBox, zoneBox] = [input.getBoundingClientRect(), zone(el).getBoundingClientRect()];
    expect(Math.round(inputBox.width)).to.be.at.least(Math.round(zoneBox.width) - 4);
    expect(Math.round(inputBox.height)).to.be.at.least(Math.round(zoneBox.height) - 4);
    expect(shadow(el).querySelector(`label[for="${input.id}"]`)!.textContent).to.contain('مستند داعم');
    await setLocale('en');
    await el.updateComplete;
    expect(visibleText(el)).to.contain('Choose a file');
    await expect(el).to.be.accessible();
  });

  it('takes a file dropped on it, marks the zone while dragging, and checks the type', async () => {
    const el = await renderForm();
    const pdf = new File(['%PDF-1.4\n%%EOF\n'], 'hawiya.pdf', { type: 'application/pdf' });
    expect(drag(el, 'dragenter').defaultPrevented, 'the drop is allowed').to.equal(true);
    expect(zone(el).classList.contains('dragging')).to.equal(true);
    const drop = drag(el, 'drop', pdf);
    expect(drop.defaultPrevented, 'the browser does not open the file').to.equal(true);
    await el.updateComplete;
    expect(zone(el).classList.contains('dragging')).to.equal(false);
    expect(shadow(el).querySelector('.chosen')!.textContent).to.contain('hawiya.pdf');
    expect(visibleText(el)).to.contain('اختر ملفًا آخر');
    drag(el, 'drop', new File(['<svg/>'], 'x.svg', { type: 'image/svg+xml' }));
    await el.updateComplete;
    expect(errorText(el, NAME)).to.contain('PDF');
    await expect(el).to.be.accessible();
  });

  it('is reached by keyboard and shows where focus is', async () => {
    const el = await renderForm();
    const textarea = shadow(el).querySelector<HTMLTextAreaElement>('textarea[name=description]')!;
    textarea.focus();
    for (let i = 0; i < 6 && shadow(el).activeElement !== picker(el); i++) await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement).to.equal(picker(el));
    expect(getComputedStyle(zone(el)).outlineStyle).to.equal('solid');
  });
});
