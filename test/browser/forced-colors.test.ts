/**
 * Forced colours (#21.10): with a Windows contrast theme every border takes one colour, so
 * the request form's current step must differ from the others by more than its colour.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/widgets/request-form/request-form.js';
import type { SilaRequestForm } from '../../src/widgets/request-form/request-form.js';
import { resetPage, seedStartedDraft, serverEndpoint, shadow, typeInto, until } from './helpers.js';

const look = (li: Element) => {
  const style = getComputedStyle(li);
  return `${style.borderTopStyle} ${style.borderTopWidth} ${style.borderTopColor} ${style.textDecorationLine}`;
};

describe('request form steps in forced colours', () => {
  beforeEach(resetPage);
  afterEach(async () => {
    await executeServerCommand('forced-colors', { active: false });
    await resetPage();
  });

  it('tells the current step from done and later steps by shape, not colour alone', async () => {
    await executeServerCommand('forced-colors', { active: true });
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
    seedStartedDraft('request', serverEndpoint());
    const el = await fixture<SilaRequestForm>(
      html`<sila-request-form endpoint=${serverEndpoint()}></sila-request-form>`,
    );
    await until(() => el.steps.includes('attachments'), 5_000, 'form-config');
    typeInto(el, 'applicant.fullName', 'فاطمة أحمد');
    typeInto(el, 'applicant.nationalId', '1087654321');
    typeInto(el, 'applicant.mobile', '0551234567');
    typeInto(el, 'applicant.city', 'الرياض');
    typeInto(el, 'applicant.birthDate', '1990-05-15');
    shadow(el).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await until(() => shadow(el).querySelector('.steps li.done'), 5_000, 'second step');
    const [done, current, todo] = ['done', 'current', 'todo'].map((state) =>
      look(shadow(el).querySelector(`.steps li.${state}`)!),
    );
    expect(current).to.not.equal(done);
    expect(current).to.not.equal(todo);
    expect(done).to.not.equal(todo);
    expect(current).to.contain('8px').and.contain('underline');
    expect(todo).to.contain('dashed');
  });
});
