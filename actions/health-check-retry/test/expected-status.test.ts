import { parseExpectedStatus, statusExpected } from '../src/expected-status';

describe('parseExpectedStatus', () => {
  test.each([
    { name: 'default range', input: '200-399', ranges: [[200, 399]] },
    {
      name: 'range and code',
      input: '200-299,304',
      ranges: [
        [200, 299],
        [304, 304],
      ],
    },
    { name: 'class', input: '2xx', ranges: [[200, 299]] },
    { name: 'upper-case class', input: '5XX', ranges: [[500, 599]] },
    {
      name: 'spaces and newlines',
      input: ' 200 ,\n 204 ',
      ranges: [
        [200, 200],
        [204, 204],
      ],
    },
    { name: 'single-code range', input: '418-418', ranges: [[418, 418]] },
  ])('$name: $input', ({ input, ranges }) => {
    const set = parseExpectedStatus(input);
    expect(set).toMatchObject({ ranges });
  });

  test.each([
    { name: 'above 599', input: '600', problem: /outside/ },
    { name: 'below 100', input: '099', problem: /outside/ },
    { name: 'reversed range', input: '299-200', problem: /empty range/ },
    { name: 'range past 599', input: '500-600', problem: /outside/ },
    { name: 'word', input: 'ok', problem: /not a status code/ },
    { name: 'two digits', input: '20', problem: /not a status code/ },
    { name: 'class 6xx', input: '6xx', problem: /not a status code/ },
    { name: 'open range', input: '200-', problem: /not a status code/ },
    { name: 'empty', input: ' , ', problem: /expected status codes/ },
  ])('rejects $name ($input)', ({ input, problem }) => {
    const set = parseExpectedStatus(input);
    expect('problem' in set && set.problem).toMatch(problem);
  });
});

describe('statusExpected', () => {
  const set = parseExpectedStatus('200-299,304');
  if ('problem' in set) throw new Error(set.problem);
  test.each([
    { status: 200, expected: true },
    { status: 299, expected: true },
    { status: 304, expected: true },
    { status: 199, expected: false },
    { status: 300, expected: false },
    { status: 503, expected: false },
  ])('$status → $expected', ({ status, expected }) =>
    expect(statusExpected(set, status)).toBe(expected),
  );
});
