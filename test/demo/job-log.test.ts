import { MaskSet, parseStepLog, plainStyle, renderLogText } from '../../demo/src/job-log';

describe('parseStepLog + renderLogText (the runner log view)', () => {
  test.each([
    {
      name: 'groups fold their content under the title',
      stdout: '::group::Rollout\nwaiting 1/3\ndone\n::endgroup::\nafter\n',
      expected: ['▾ Rollout', '  waiting 1/3', '  done', 'after'],
    },
    {
      name: 'annotations become labelled lines, with their title',
      stdout:
        '::error title=wait-rollout::deployment/api: CrashLoopBackOff\n::warning::slow\n::notice::fyi\n',
      expected: [
        'Error: wait-rollout: deployment/api: CrashLoopBackOff',
        'Warning: slow',
        'Notice: fyi',
      ],
    },
    {
      name: 'escaped data is decoded (%0A newline, %25 percent)',
      stdout: '::error::line one%0Aline two 100%25\n',
      expected: ['Error: line one\nline two 100%'],
    },
    {
      name: 'add-mask lines vanish and the value is masked from then on',
      stdout: 'before s3cr3t-value\n::add-mask::s3cr3t-value\nafter s3cr3t-value\n',
      expected: ['before s3cr3t-value', 'after ***'],
    },
    {
      name: 'debug lines are hidden; set-output and save-state are protocol, not log',
      stdout: '::debug::internal\n::set-output name=a::1\n::save-state name=b::2\nvisible\n',
      expected: ['visible'],
    },
  ])('$name', ({ stdout, expected }) => {
    expect(renderLogText(parseStepLog(stdout, new MaskSet()), plainStyle)).toEqual(expected);
  });

  test('a mask registered in one step applies to the next step too (job-wide, as on the runner)', () => {
    const masks = new MaskSet();
    parseStepLog('::add-mask::token-123\n', masks);
    expect(renderLogText(parseStepLog('using token-123\n', masks), plainStyle)).toEqual([
      'using ***',
    ]);
  });

  test('a multi-line secret is masked line by line', () => {
    const masks = new MaskSet();
    masks.add('first-line\nsecond-line');
    expect(masks.apply('a first-line b second-line')).toBe('a *** b ***');
  });

  test('debug lines show when asked for', () => {
    expect(
      renderLogText(parseStepLog('::debug::internal\n', new MaskSet()), plainStyle, true),
    ).toEqual(['##[debug]internal']);
  });
});
