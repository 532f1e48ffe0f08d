/**
 * The birth date as day, month and year in the Hijri or Gregorian calendar (#21.3), in the
 * request form against the real test server: conversion, the other calendar beside it,
 * Arabic-Indic digits, and the errors by the field and in the summary.
 */
import { expect } from '@open-wc/testing';
import { setLocale } from '../../src/core/i18n.js';
import { gregorianOfHijri, isoOf, partsOfIso, readDateParts } from '../../src/fields/calendar-date.js';
import { errorText, serverEndpoint, shadow, typeDate, typeDateParts, until } from './helpers.js';
import { fillApplicant, next, renderRequestForm as renderForm } from './harnesses/request-form.js';
import './fresh-page.js';

const root = (el: Element) => shadow(el);
const value = (el: Element, name: string) => root(el).querySelector<HTMLInputElement>(`[name="${name}"]`)!.value;
const other = (el: Element) => root(el).querySelector('.other-calendar')?.textContent?.trim() ?? '';
const dateError = (el: Element) => errorText(el, 'applicant.birthDate#day');
const summary = (el: Element) =>
  [...root(el).querySelectorAll('#error-summary a')].map((a) => a.textContent!.replace(/\s+/g, ' ').trim());

describe('calendar-date (Intl umalqura)', () => {
  it('finds the Gregorian day of every Hijri date from 1318 to 1447 and back', () => {
    let mismatches = 0;
    for (let t = Date.UTC(1900, 4, 1); t < Date.UTC(2026, 0, 1); t += 86_400_000 * 5) {
      const iso = isoOf(new Date(t));
      const hijri = partsOfIso(iso, 'hijri')!;
      if (readDateParts(hijri).iso !== iso) mismatches++;
    }
    expect(mismatches).to.equal(0);
    expect(isoOf(gregorianOfHijri(1445, 9, 1)!)).to.equal('2024-03-11');
  });

  it('names what is wrong', () => {
    const now = new Date(Date.UTC(2026, 0, 1));
    const read = (calendar: 'hijri' | 'gregory', day: string, month: string, year: string) =>
      readDateParts({ calendar, day, month, year }, now).problem;
    expect(read('gregory', '', '', '')).to.equal('required');
    expect(read('gregory', '5', '', '1990')).to.equal('date_incomplete');
    expect(read('gregory', '31', '2', '1990')).to.equal('invalid_day');
    expect(read('gregory', '1', '13', '1990')).to.equal('invalid_month');
    expect(read('gregory', '1', '1', '90')).to.equal('invalid_year');
    expect(read('gregory', '2', '1', '2026')).to.equal('date_in_future');
    expect(read('hijri', '1', '1', '1500')).to.equal('date_in_future');
    expect(read('gregory', '1', '1', '1850')).to.equal('date_too_early');
    // Ramadan 1444 had 29 days in Umm al-Qura.
    expect(read('hijri', '30', '9', '1444')).to.equal('invalid_day');
    expect(read('hijri', '٢٠', '١٠', '١٤١٠')).to.equal(undefined);
  });
});

describe('<sila-request-form> birth date field', () => {
  it('takes a Hijri date in Arabic-Indic digits, shows the Gregorian one beside it, and sends ISO', async () => {
    const el = await renderForm();
    const hijri = root(el).querySelector<HTMLInputElement>('[name="applicant.birthDate#calendar"][value=hijri]')!;
    expect(hijri.checked, 'Hijri first: Saudi IDs carry a Hijri birth date').to.equal(true);
    for (const part of ['day', 'month', 'year']) {
      expect(root(el).querySelector(`[name="applicant.birthDate#${part}"]`)!.getAttribute('inputmode')).to.equal(
        'numeric',
      );
    }
    typeDateParts(el, 'applicant.birthDate', '٢٠', '١٠', '١٤١٠');
    await el.updateComplete;
    // 20 Shawwal 1410 = 15 May 1990.
    expect(other(el)).to.contain('1990').and.to.contain('مايو');
    fillApplicant(el, { birthDate: '' });
    await el.updateComplete;
    await next(el);
    expect(root(el).querySelector('#step-title')!.getAttribute('data-step')).to.equal('household');
    await expect(el).to.be.accessible();
  });

  it('converts the typed date when the calendar is switched', async () => {
    const el = await renderForm();
    typeDate(el, 'applicant.birthDate', '1990-05-15');
    await el.updateComplete;
    expect(other(el)).to.contain('1410');
    root(el).querySelector<HTMLInputElement>('[name="applicant.birthDate#calendar"][value=hijri]')!.click();
    await el.updateComplete;
    expect([
      value(el, 'applicant.birthDate#day'),
      value(el, 'applicant.birthDate#month'),
      value(el, 'applicant.birthDate#year'),
    ]).to.deep.equal(['20', '10', '1410']);
    expect(other(el)).to.contain('1990');
  });

  it('says which part is wrong, by the field and in the summary', async () => {
    await setLocale('en');
    const el = await renderForm();
    fillApplicant(el, { birthDate: '' });
    await el.updateComplete;
    typeDate(el, 'applicant.birthDate', 'h:1444-09-30');
    await el.updateComplete;
    expect(dateError(el)).to.equal('Error: Enter a day that exists in this month.');
    expect(other(el)).to.equal('');
    typeDate(el, 'applicant.birthDate', 'h:1410-13-01');
    await next(el);
    expect(dateError(el)).to.equal('Error: Enter a month from 1 to 12.');
    expect(summary(el)).to.deep.equal(['Date of birth: Enter a month from 1 to 12.']);
    const link = root(el).querySelector<HTMLAnchorElement>('#error-summary a')!;
    expect(link.getAttribute('href')).to.equal('#f-applicant-birthDate');
    const next10 = new Date(Date.now() + 10 * 86_400_000);
    typeDate(el, 'applicant.birthDate', isoOf(next10));
    await next(el);
    expect(dateError(el)).to.equal('Error: The date must be today or in the past.');
    typeDate(el, 'applicant.birthDate', '1990-05-');
    await next(el);
    expect(dateError(el)).to.equal('Error: Enter the day, the month and the year.');
    await expect(el).to.be.accessible();
  });

  it('keeps the typed parts in the draft', async () => {
    const el = await renderForm();
    typeDate(el, 'applicant.birthDate', 'h:1410-10-20');
    await el.updateComplete;
    await until(
      () => (localStorage.getItem(`sila:draft:request:${serverEndpoint()}`) ?? '').includes('1410'),
      3_000,
      'draft',
    );
    el.remove();
    const again = await renderForm({ seed: false });
    await until(() => value(again, 'applicant.birthDate#year') === '1410', 5_000, 'restored');
    expect(value(again, 'applicant.birthDate#day')).to.equal('20');
    expect(other(again)).to.contain('1990');
  });
});
