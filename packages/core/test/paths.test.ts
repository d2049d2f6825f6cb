import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InputError } from '../src/errors';
import { workspacePath } from '../src/paths';

let root: string;
let workspace: string;
let temp: string;
beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'core-paths-'));
  workspace = path.join(root, 'work');
  temp = path.join(root, 'runner-temp');
  mkdirSync(path.join(workspace, 'charts', 'shop'), { recursive: true });
  mkdirSync(temp);
  writeFileSync(path.join(workspace, 'charts', 'shop', 'values.yaml'), 'a: 1\n');
  writeFileSync(path.join(root, 'outside.yaml'), 'secret: 1\n');
  writeFileSync(path.join(temp, 'kubeconfig'), 'x');
  symlinkSync(path.join(root, 'outside.yaml'), path.join(workspace, 'link-out.yaml'));
  symlinkSync(path.join(workspace, 'charts'), path.join(workspace, 'link-in'));
  symlinkSync(root, path.join(workspace, 'dir-out'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const env = () => ({ GITHUB_WORKSPACE: workspace, RUNNER_TEMP: temp });

describe('workspacePath', () => {
  test.each([
    { value: 'charts/shop/values.yaml', expected: 'charts/shop/values.yaml' },
    { value: './charts/../charts/shop/values.yaml', expected: 'charts/shop/values.yaml' },
    { value: 'link-in/shop/values.yaml', expected: 'link-in/shop/values.yaml' },
    { value: 'charts/shop/new-file.yaml', expected: 'charts/shop/new-file.yaml' },
    { value: '.', expected: '' },
  ])('$value is inside', ({ value, expected }) => {
    expect(workspacePath('files', value, { env: env() })).toBe(path.join(workspace, expected));
  });

  test.each([
    { value: '../outside.yaml', why: /points outside the workspace \(GITHUB_WORKSPACE\); only/ },
    { value: '/proc/self/environ', why: /'\/proc\/self\/environ' points outside/ },
    {
      value: 'link-out.yaml',
      why: /outside the workspace \(GITHUB_WORKSPACE\) through a symbolic link/,
    },
    { value: 'dir-out/outside.yaml', why: /through a symbolic link/ },
    { value: 'dir-out/not-yet/new.yaml', why: /through a symbolic link/ },
    { value: '../runner-temp/kubeconfig', why: /points outside the workspace/ },
    { value: 'nul\0byte', why: /contains a NUL character/ },
  ])('$value is refused, naming the input', ({ value, why }) => {
    let err: unknown;
    try {
      workspacePath('files', value, { env: env() });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(/^Input 'files': /);
    expect((err as Error).message).toMatch(why);
  });

  test('RUNNER_TEMP is allowed when asked for', () => {
    expect(
      workspacePath('kubeconfig-file', `${temp}/kubeconfig`, { env: env(), allowTemp: true }),
    ).toBe(path.join(temp, 'kubeconfig'));
  });

  test('a relative value is resolved against the given base, still inside the workspace', () => {
    const base = path.join(workspace, 'charts');
    expect(workspacePath('values-files', 'shop/values.yaml', { env: env(), base })).toBe(
      path.join(workspace, 'charts', 'shop', 'values.yaml'),
    );
    expect(() => workspacePath('values-files', '../../outside.yaml', { env: env(), base })).toThrow(
      /points outside/,
    );
  });

  test('mustExist names a missing file', () => {
    expect(() => workspacePath('chart', 'charts/nope', { env: env(), mustExist: true })).toThrow(
      "Input 'chart': 'charts/nope' does not exist",
    );
  });

  test('a huge value is shown as a short preview', () => {
    const value = `../${'x'.repeat(100_000)}`;
    const message = (() => {
      try {
        workspacePath('files', value, { env: env() });
      } catch (e) {
        return (e as Error).message;
      }
      return '';
    })();
    expect(message.length).toBeLessThan(200);
    expect(message).toContain('(100003 characters)');
  });
});
