import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatReference,
  generateReference,
  hasForbiddenIdentifierChars,
  hasForbiddenTextChars,
  isReference,
  isSaudiNationalId,
  normalizeDigits,
  normalizeReference,
  toSaudiMobileE164,
} from '../../src/contract/index.js';

/** Makes a valid ID by computing the Luhn check digit for 9 leading digits. */
function withCheckDigit(nine: string): string {
  for (let d = 0; d <= 9; d++) if (isSaudiNationalId(nine + d)) return nine + d;
  throw new Error('no check digit');
}

describe('digits', () => {
  it('turns Arabic-Indic and Persian digits into Latin ones', () => {
    assert.equal(normalizeDigits('٠١٢٣٤٥٦٧٨٩'), '0123456789');
    assert.equal(normalizeDigits('۰۱۲۳۴۵۶۷۸۹'), '0123456789');
    assert.equal(normalizeDigits('رقم ٥٥ و۶۶ و77'), 'رقم 55 و66 و77');
  });

  it('rejects bidi controls and NUL in identifiers, NUL and lone surrogates in text', () => {
    for (const control of [
      '\u202a',
      '\u202b',
      '\u202c',
      '\u202d',
      '\u202e',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
      '\u0000',
    ]) {
      assert.equal(hasForbiddenIdentifierChars(`05${control}51234567`), true, JSON.stringify(control));
    }
    assert.equal(hasForbiddenIdentifierChars('محمد \u200f'), false); // RLM is ordinary Arabic typing
    assert.equal(hasForbiddenTextChars('a\ud800b'), true);
    assert.equal(hasForbiddenTextChars('a\udc00'), true);
    assert.equal(hasForbiddenTextChars('شكرًا 👍🏽 👨‍👩‍👧'), false);
  });
});

describe('Saudi national ID / iqama', () => {
  it('accepts 10 digits starting with 1 or 2 with a Luhn check digit, in any digits', () => {
    const citizen = withCheckDigit('108765432');
    const resident = withCheckDigit('234567890');
    assert.equal(isSaudiNationalId(citizen), true);
    assert.equal(isSaudiNationalId(resident), true);
    assert.equal(isSaudiNationalId(normalizeDigits(citizen).replace(/\d/g, (d) => '٠١٢٣٤٥٦٧٨٩'[Number(d)]!)), true);
    assert.equal(isSaudiNationalId(`${citizen.slice(0, 4)} ${citizen.slice(4)}`), true);
  });

  it('rejects a wrong check digit, another first digit or another length', () => {
    const valid = withCheckDigit('108765432');
    const wrong = valid.slice(0, 9) + ((Number(valid[9]) + 1) % 10);
    assert.equal(isSaudiNationalId(wrong), false);
    assert.equal(isSaudiNationalId(`3${valid.slice(1)}`), false);
    assert.equal(isSaudiNationalId(valid.slice(0, 9)), false);
    assert.equal(isSaudiNationalId(`${valid}1`), false);
    assert.equal(isSaudiNationalId('abcdefghij'), false);
  });
});

describe('Saudi mobile', () => {
  it('accepts every usual form and stores E.164', () => {
    for (const form of [
      '0551234567',
      '551234567',
      '+966551234567',
      '00966551234567',
      '966551234567',
      '055 123 4567',
      '055-123-4567',
      '٠٥٥١٢٣٤٥٦٧',
      '۰۵۵۱۲۳۴۵۶۷',
    ]) {
      assert.equal(toSaudiMobileE164(form), '+966551234567', form);
    }
  });

  it('rejects landlines, short numbers and other countries', () => {
    for (const form of ['0112345678', '05512345', '+971551234567', '05512345678', '', 'abc']) {
      assert.equal(toSaudiMobileE164(form), null, form);
    }
  });
});

describe('reference numbers', () => {
  it('are a kind letter and 12 random Crockford symbols, never sequential', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const reference = generateReference('complaint');
      assert.match(reference, /^C[0-9A-HJKMNP-TV-Z]{12}$/);
      seen.add(reference);
    }
    assert.equal(seen.size, 2000);
    assert.match(generateReference('request'), /^R/);
  });

  it('tolerate case, dashes, spaces, Arabic digits and look-alike letters', () => {
    assert.equal(normalizeReference(' c-4f7k 2m9q-x3tb '), 'C4F7K2M9QX3TB');
    assert.equal(normalizeReference('C-4F7K-2M9Q-X3TB'.replace('0', 'O')), 'C4F7K2M9QX3TB');
    assert.equal(normalizeReference('C-4F7K-2M9Q-X3TI'), 'C4F7K2M9QX3T1');
    assert.equal(normalizeReference('c-٤f7k-2m9q-x3tb'), 'C4F7K2M9QX3TB');
    assert.equal(isReference('C-4F7K-2M9Q-X3TB'), true);
    assert.equal(isReference('C-4F7K-2M9Q'), false);
    assert.equal(isReference('Z-4F7K-2M9Q-X3TB'), false);
    assert.equal(formatReference('C4F7K2M9QX3TB'), 'C-4F7K-2M9Q-X3TB');
  });
});
