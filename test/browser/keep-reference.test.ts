/**
 * A confirmation can be kept: a print view of the confirmation alone (the browser's
 * "Save as PDF") and a small text file, holding the reference, the follow-up code of an
 * anonymous sender, the dates and how to follow up — never the mobile.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { renderConfirmation as requestConfirmation } from '../../src/widgets/request-form/request-confirmation.js';
import { renderConfirmation as complaintConfirmation } from '../../src/widgets/complaint-form/complaint-confirmation.js';
import { confirmationFileName, confirmationText, printDocument } from '../../src/core/keep-reference.js';
import { setLocale } from '../../src/core/i18n.js';
import './fresh-page.js';

const copy = { onCopy: () => {} };

async function panel(template: unknown): Promise<HTMLElement> {
  return fixture<HTMLElement>(html`<div>${template}</div>`);
}

describe('keeping a confirmation', () => {
  it('a request confirmation offers print and download; the file holds the reference and the dates', async () => {
    const el = await panel(
      requestConfirmation({
        result: {
          reference: 'R4F7K2M9QX3TB',
          status: 'received',
          receivedAt: '2026-11-30T10:00:00.000Z',
          expectedDecisionBy: '2026-12-14T10:00:00.000Z',
        },
        statusUrl: 'https://charity.example/follow-up',
        onAnother: () => {},
        ...copy,
      }),
    );
    const print = el.querySelector<HTMLButtonElement>('[part=print]')!;
    const download = el.querySelector<HTMLButtonElement>('[part=download]')!;
    expect(print.textContent!.trim()).to.equal('اطبع أو احفظ بصيغة PDF');
    expect(download.textContent!.trim()).to.equal('نزّل نسخة نصية');

    const created: Blob[] = [];
    const original = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob) => (created.push(blob), original.call(URL, blob));
    try {
      download.click();
    } finally {
      URL.createObjectURL = original;
    }
    expect(created).to.have.length(1);
    const text = await created[0]!.text();
    expect(text).to.contain('الرقم المرجعي: R-4F7K-2M9Q-X3TB');
    expect(text).to.contain('الموعد المتوقع للقرار');
    expect(text).to.contain('https://charity.example/follow-up?ref=R-4F7K-2M9Q-X3TB');
    await expect(el).to.be.accessible();
  });

  it('an anonymous suggestion keeps its follow-up code; the print view escapes everything', async () => {
    await setLocale('en');
    const kept = {
      title: 'We received your suggestion',
      reference: 'S-4F7K-2M9Q-X3TB',
      followUpCode: 'K7Q2M9',
      lines: ['<script>alert(1)</script>'],
    };
    expect(confirmationText(kept)).to.contain('Follow-up code: K7Q2M9');
    expect(confirmationFileName(kept.reference)).to.equal('S-4F7K-2M9Q-X3TB.txt');
    const doc = printDocument(kept);
    expect(doc).to.contain('<html lang="en" dir="ltr">');
    expect(doc).to.not.contain('<script>');
    expect(doc).to.contain('&lt;script&gt;');

    const el = await panel(
      complaintConfirmation({
        result: {
          reference: 'S4F7K2M9QX3TB',
          kind: 'suggestion',
          status: 'received',
          receivedAt: '2026-11-30T10:00:00.000Z',
          verifier: 'K7Q2M9',
        },
        onAnother: () => {},
        ...copy,
      }),
    );
    expect(el.querySelector('[part=print]')).to.exist;
    expect(el.querySelector('[part=download]')!.textContent!.trim()).to.equal('Download as a text file');
  });
});
