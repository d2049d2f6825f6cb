// The tiny chart .github/workflows/e2e.yml deploys on kind, checked with the real Helm binary
// (helm lint, helm template) so that a chart error shows here and not only on GitHub.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { ROOT } from '../harness/run-action';
import { helmBinary } from '../helm/binaries';

const CHART = path.join(ROOT, 'examples', 'chart');
let home: string;
let helm: string;

beforeAll(() => {
  helm = helmBinary(3).path;
  home = mkdtempSync(path.join(tmpdir(), 'chart-lint-'));
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

const run = (args: string[]) =>
  execFileSync(helm, args, {
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      HOME: home,
      HELM_CACHE_HOME: home,
      HELM_CONFIG_HOME: home,
      HELM_DATA_HOME: home,
    },
  });

interface Rendered {
  kind: string;
  spec: {
    replicas?: number;
    template: { spec: { containers: { image: string; command?: string[] }[] } };
  };
}

function render(set: string[] = []): Rendered[] {
  const out = run(['template', 'shop', CHART, ...set.flatMap((s) => ['--set', s])]);
  return parseAllDocuments(out)
    .map((d) => d.toJS() as Rendered | null)
    .filter((d): d is Rendered => !!d);
}

test('helm lint passes', () => {
  expect(run(['lint', CHART])).toContain('0 chart(s) failed');
});

test('renders a Deployment and a Service; the image follows image.tag', () => {
  const docs = render(['image.tag=1.28-alpine']);
  expect(docs.map((d) => d.kind).sort()).toEqual(['Deployment', 'Service']);
  const container = docs.find((d) => d.kind === 'Deployment')!.spec.template.spec.containers[0];
  expect(container.image).toBe('nginx:1.28-alpine');
  expect(container.command).toBeUndefined();
});

test('crashOnStart=true replaces the command with one that exits 1 (the crash-looping release)', () => {
  const container = render(['crashOnStart=true']).find((d) => d.kind === 'Deployment')!.spec
    .template.spec.containers[0];
  expect(container.command?.slice(0, 2)).toEqual(['sh', '-c']);
  expect(container.command?.[2]).toMatch(/exit 1$/);
});
