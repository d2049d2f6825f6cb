// CHANGELOG.md follows Keep a Changelog, and the release workflow's notes come from it:
// .github/scripts/changelog-section.mjs prints one version's section and refuses a missing one.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NODE, ROOT } from '../harness/run-action';
// @ts-expect-error: a plain .mjs script without type declarations
import { changelogSection } from '../../.github/scripts/changelog-section.mjs';

const SCRIPT = path.join(ROOT, '.github', 'scripts', 'changelog-section.mjs');
const CHANGELOG = readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8');
const KINDS = ['Added', 'Changed', 'Deprecated', 'Removed', 'Fixed', 'Security'];

const SAMPLE = `# Changelog

## [Unreleased]

## [1.1.0] - 2026-12-10

### Fixed

- the thing

## [1.0.0] - 2026-12-01

### Added

- everything

[1.1.0]: https://example.com/compare/v1.0.0...v1.1.0
`;

describe('CHANGELOG.md', () => {
  const headings = CHANGELOG.split('\n').filter((l) => /^#{1,3} /.test(l));

  test('starts with "# Changelog" and an [Unreleased] section, as Keep a Changelog has it', () => {
    expect(headings[0]).toBe('# Changelog');
    expect(headings[1]).toBe('## [Unreleased]');
  });

  test('every release heading is "## [X.Y.Z] - YYYY-MM-DD", newest first', () => {
    const releases = headings.filter((h) => h.startsWith('## ') && h !== '## [Unreleased]');
    for (const h of releases)
      expect(h).toMatch(/^## \[\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?\] - \d{4}-\d{2}-\d{2}$/);
    const dates = releases.map((h) => h.slice(-10));
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  test('groups changes only under the six Keep a Changelog kinds', () => {
    for (const h of headings.filter((x) => x.startsWith('### ')))
      expect(KINDS).toContain(h.slice(4));
  });
});

describe('changelogSection', () => {
  test.each([
    { version: '1.1.0', expected: '### Fixed\n\n- the thing' },
    { version: '1.0.0', expected: '### Added\n\n- everything' },
    { version: '1.0', expected: undefined },
    { version: '2.0.0', expected: undefined },
  ])('$version', ({ version, expected }) => {
    expect(changelogSection(SAMPLE, version)).toBe(expected);
  });

  test('an empty section reads as empty (the script then refuses it)', () => {
    expect(changelogSection(SAMPLE, 'Unreleased')).toBe('');
  });
});

describe('the script the release workflow runs', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'changelog-'));
    writeFileSync(path.join(dir, 'CHANGELOG.md'), SAMPLE);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (...args: string[]) =>
    spawnSync(NODE, [SCRIPT, ...args], { cwd: dir, encoding: 'utf8' });

  test('prints the section of the tagged version', () => {
    const r = run('1.1.0');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('### Fixed\n\n- the thing\n');
  });

  test('refuses a version without a section, in one ::error:: line', () => {
    const r = run('1.2.0');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe(
      "::error::CHANGELOG.md has no non-empty '## [1.2.0]' section: add one before tagging v1.2.0",
    );
  });

  test('refuses something that is not a version', () => {
    const r = run('v1.2.0');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^::error::usage: /);
  });
});
