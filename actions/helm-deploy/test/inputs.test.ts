import { InputError } from '@cicd-actions/core/errors';
import { parseSetLines } from '../src/inputs';

describe('parseSetLines', () => {
  test.each([
    { text: 'image.tag=1.4.2', expected: ['image.tag=1.4.2'] },
    {
      text: ' replicas = 3 \n\n# a comment\nenv[0].name=MODE',
      expected: ['replicas=3', 'env[0].name=MODE'],
    },
    {
      text: 'podAnnotations.prometheus\\.io/scrape=true',
      expected: ['podAnnotations.prometheus\\.io/scrape=true'],
    },
    { text: 'list={a,b}', expected: ['list={a,b}'] },
    { text: 'note=one\\,two=three', expected: ['note=one\\,two=three'] },
    { text: 'url=https://x.example/?a=b', expected: ['url=https://x.example/?a=b'] },
  ])('$text', ({ text, expected }) => expect(parseSetLines('set', text)).toEqual(expected));

  test.each([
    { text: '--post-renderer=/bin/sh', error: /got a flag/ },
    { text: 'a=1,b=2', error: /one key per line/ },
    { text: 'a=1, b.c=2', error: /one key per line/ },
    { text: 'novalue', error: /expected key=value, got 'novalue'/ },
    { text: '=x', error: /expected key=value/ },
    { text: 'a b=1', error: /expected a value path/ },
  ])('refuses $text', ({ text, error }) => {
    expect(() => parseSetLines('set', text)).toThrow(InputError);
    expect(() => parseSetLines('set', text)).toThrow(error);
  });
});
