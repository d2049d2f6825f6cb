// The leak search itself: it must find a secret in each encoding, and treat a masked line as
// the runner shows it — blanked only after the ::add-mask:: that registered the value.
import { findLeaks, runnerView, secretForms } from './leak-search';

const secret = { label: 'token', value: 'tok+en/Kx9"QzPq7Lw0v' };

describe('leak search', () => {
  test.each([
    ['raw', `error: ${secret.value}`],
    ['URL-encoded', `GET /x?t=${encodeURIComponent(secret.value)}`],
    ['JSON-escaped', JSON.stringify({ message: `bad ${secret.value}` })],
    ['base64 (offset 0)', Buffer.from(secret.value).toString('base64')],
    ['base64 (offset 1)', Buffer.from(`a${secret.value}`).toString('base64')],
    ['base64 (offset 2)', Buffer.from(`ab${secret.value}`).toString('base64')],
  ])('finds the %s form', (form, text) => {
    const leaks = findLeaks({ log: `line before\n${text}\nline after` }, [secret]);
    expect(leaks.map((l) => l.form)).toContain(form);
  });

  test('finds the base64url form where it differs from base64', () => {
    const tilde = { label: 'tilde', value: '~~~~secret~~~~?>?>' };
    const text = Buffer.from(tilde.value).toString('base64url');
    expect(text).not.toBe(Buffer.from(tilde.value).toString('base64').replace(/=+$/, ''));
    const leaks = findLeaks({ log: `x ${text} y` }, [tilde]);
    expect(leaks.map((l) => l.form)).toContain('base64url (offset 0)');
  });

  test('the forms differ from each other for a secret with + / and "', () => {
    const texts = secretForms(secret.value).map((f) => f.text);
    expect(new Set(texts).size).toBe(texts.length);
    expect(texts.length).toBeGreaterThanOrEqual(6);
  });

  test('a value is blanked only in lines after its ::add-mask::, as the runner does', () => {
    const log = `before ${secret.value}\n::add-mask::${secret.value}\nafter ${secret.value}\n`;
    const view = runnerView(log);
    expect(view).toBe(`before ${secret.value}\nafter ***\n`);
    expect(findLeaks({ log: view }, [secret]).map((l) => l.context)).toEqual(['before <SECRET>']);
  });

  test('*** and unrelated text are not leaks', () => {
    expect(findLeaks({ log: 'authorization: Bearer ***', summary: 'tok+en' }, [secret])).toEqual(
      [],
    );
  });
});
