import { AppError } from '../../src/domain/app-error';
import { resolveLanguage } from '../../src/domain/language';
import { en } from '../../src/i18n/en';
import { errorText } from '../../src/i18n/error-text';
import { sv } from '../../src/i18n/sv';
import { createTranslator } from '../../src/i18n/translator';

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

describe('message catalogues', () => {
  it('have the same keys in Swedish and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(sv).sort());
  });

  it.each(Object.keys(sv) as (keyof typeof sv)[])(
    '%s has the same placeholders in both languages and no empty text',
    (key) => {
      expect(placeholders(en[key])).toEqual(placeholders(sv[key]));
      expect(sv[key].trim()).not.toBe('');
      expect(en[key].trim()).not.toBe('');
    },
  );

  it('fills placeholders and keeps Swedish characters', () => {
    expect(createTranslator('sv')('fallback.unknown', { text: 'öppna åtgärder' })).toBe(
      'Jag förstår inte ”öppna åtgärder”. Skriv hjälp för att se vad jag kan.',
    );
    expect(createTranslator('en')('fallback.unknown', { text: 'x' })).toBe(
      'I don\'t understand "x". Type help to see what I can do.',
    );
  });

  it('leaves a missing parameter visible instead of printing undefined', () => {
    expect(createTranslator('en')('help.mentionHint')).toContain('@{botName}');
  });
});

describe('resolveLanguage', () => {
  it('prefers the network setting over the client locale', () => {
    expect(resolveLanguage({ networkLanguage: 'en', locale: 'sv-SE' })).toBe('en');
    expect(resolveLanguage({ networkLanguage: 'sv', locale: 'en-US' })).toBe('sv');
  });

  it('uses the locale when the network has no setting', () => {
    expect(resolveLanguage({ locale: 'en-GB' })).toBe('en');
    expect(resolveLanguage({ locale: 'sv_FI' })).toBe('sv');
  });

  it('falls back to Swedish for no locale or one we do not speak', () => {
    expect(resolveLanguage({})).toBe('sv');
    expect(resolveLanguage({ locale: 'de-DE' })).toBe('sv');
    expect(resolveLanguage({ locale: '' })).toBe('sv');
  });
});

describe('errorText', () => {
  it('words a coded error by its code and anything else as an apology, never with the error message', () => {
    const t = createTranslator('sv');
    expect(errorText(new AppError('Forbidden', 'user 42 is not chair of net-x'), t)).toBe(
      sv['error.Forbidden'],
    );
    const unexpected = errorText(new Error('ECONNRESET at socket 10.0.0.4'), t);
    expect(unexpected).toBe(sv['error.apology']);
    expect(unexpected).not.toContain('ECONNRESET');
  });
});
