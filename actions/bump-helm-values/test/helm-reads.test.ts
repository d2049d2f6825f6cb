// What Helm reads is exactly what was asked: every edit here is rendered by the real helm 3 and 4
// (the oracle chart prints each value and its kind), on hand-written cases of every quoting
// context and on real, unmodified values files of public charts (test/corpus/).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isScalar, isSeq, parseDocument, type Scalar, type YAMLSeq } from 'yaml';
import { HELM_MAJORS, helmBinary, type HelmMajor } from '../../../test/helm/binaries';
import { ROOT } from '../../../test/harness/run-action';
import { editYaml, type ChangeSpec, type EditOptions } from '../src/edit';
import { parseChangeLines, parseChangesJson } from '../src/changes';
import { previousValues } from '../src/report';
import { parsePath, formatPath } from '../src/path';
import { expectedRead, helmReads, pathKey, type HelmRead } from './helm-oracle';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CORPUS = path.join(HERE, 'corpus');
const SHARED = path.resolve(ROOT, '..', 'shared', 'corpus', 'helm-values');
const tmp = mkdtempSync(path.join(tmpdir(), 'bump-oracle-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type Asked = string | number | boolean | null;

let counter = 0;
async function readsOf(major: HelmMajor, text: string): Promise<Map<string, HelmRead>> {
  const file = path.join(tmp, `values-${++counter}.yaml`);
  writeFileSync(file, text);
  const r = await helmReads(major, file);
  if (!r.ok) throw new Error(`helm ${major} cannot read the values: ${r.error}`);
  return r.reads;
}

/**
 * Helm's reading of `after` must be its reading of `before` with exactly `expected` changed:
 * each listed path reads the asked value (kind and JSON), every other value is as it was.
 */
function assertReads(
  before: Map<string, HelmRead>,
  after: Map<string, HelmRead>,
  expected: Array<[Array<string | number>, Asked]>,
): string[] {
  const failures: string[] = [];
  const asked = new Map(expected.map(([p, v]) => [pathKey(p), v]));
  for (const [key, v] of asked) {
    const got = after.get(key);
    const want = expectedRead(v);
    if (!got || got.kind !== want.kind || JSON.stringify(got.json) !== JSON.stringify(want.json))
      failures.push(
        `${key}: asked ${JSON.stringify(v)}, Helm read ${got ? `${got.kind} ${JSON.stringify(got.json)}` : 'nothing'}`,
      );
    else if (typeof v === 'string' && got.text !== v)
      failures.push(`${key}: Helm renders ${got.text}, asked ${v}`);
  }
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    if (asked.has(key)) continue;
    // A map or list that became non-empty through a created key is listed by its new leaves.
    const a = before.get(key);
    const b = after.get(key);
    if (
      JSON.stringify(a) !== JSON.stringify(b) &&
      !(a && b === undefined && JSON.stringify(a.json) === '{}')
    )
      failures.push(
        `${key}: not asked, but Helm read ${JSON.stringify(a)} before and ${JSON.stringify(b)} after`,
      );
  }
  return failures;
}

/**
 * The bytes outside the changed scalars are kept: the same lines except the changed ones, and in
 * each of those only the value differs — the key and its indicator before it, a comment after it.
 */
function assertByteExactOutsideValues(before: string, after: string, changedLines: number): void {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b.length).toBe(a.length);
  const differing = a.map((line, i) => [line, b[i]] as const).filter(([x, y]) => x !== y);
  expect(differing.length).toBeLessThanOrEqual(changedLines);
  for (const [x, y] of differing) {
    const head = /^\s*(?:- +)*(?:(?:"[^"]*"|'[^']*'|[^\s"'#][^:#]*?):(?: +|$))?/.exec(x)![0];
    const tail = /\s+#[^"']*$/.exec(x)?.[0] ?? '';
    expect({ starts: y.startsWith(head), ends: y.endsWith(tail) }).toEqual({
      starts: true,
      ends: true,
    });
    const sides = [x, y].map((line) => {
      const value = line.slice(head.length, line.length - tail.length);
      const doc = parseDocument(`k: ${value}\n`);
      expect(doc.errors).toEqual([]);
      return { value, node: doc.get('k', true) as unknown };
    });
    const [old, now] = sides;
    if (isSeq(old.node) && isSeq(now.node) && old.node.flow && now.node.flow) {
      // A list item in a flow list: the other items keep their exact text.
      const texts = (n: typeof old) =>
        (n.node as YAMLSeq<Scalar>).items.map((it) =>
          n.value.slice(it.range![0] - 3, it.range![1] - 3),
        );
      const a1 = texts(old);
      const b1 = texts(now);
      expect(b1.length).toBe(a1.length);
      expect(a1.filter((t, i) => t !== b1[i]).length).toBe(1);
    } else {
      // Each side of the change is one scalar: a key (or anything else) never moved into it.
      expect(sides.map((side) => isScalar(side.node))).toEqual([true, true]);
    }
  }
}

function lines(text: string): ChangeSpec[] {
  return parseChangeLines(text, 'auto');
}

function json(pathText: string, value: Asked): ChangeSpec {
  const p = parsePath(pathText);
  return { path: p, pathText: formatPath(p), wanted: { kind: 'json', value } };
}

const ALL: EditOptions = { valueType: 'auto', createMissing: true, allowAnchors: true };

// Each case: its own top-level key (so all are one values file, one helm run per major), the
// change, and what Helm must read — written by hand from the rule, not from the code.
const RULE_SOURCE = [
  'numeric-tag:\n  tag: 16\n',
  'float-tag:\n  tag: 1.9\n',
  'int-tag:\n  tag: 16\n',
  'date-tag:\n  tag: 16\n',
  'octal:\n  mode: "0644"\n  perm: x\n',
  'words:\n  a: x\n  b: x\n  c: x\n  d: x\n  e: x\n  f: x\n  g: x\n  h: x\n  i: x\n  j: x\n  k: x\n  l: x\n  m: x\n',
  'replicas:\n  count: 1\n',
  'flag:\n  enabled: false\n',
  'nullkey:\n  revisionHistoryLimit:\n',
  'commented:\n  registry:  # the registry\n  tag: # the tag\n',
  'flowseq:\n  hooks: [https://a.example/x, b, c, d]\n',
  'flowmap: {tag: v1, repo: x, other: keep}\n',
  'blockseq:\n  - v1\n  - 2\n  -\n  -  # empty\n',
  "single:\n  tag: 'v1'\n",
  'controls:\n  a: \'x\'\n  b: x\n  c: "x"\n  d: x\n  e: x\n  f: x\n  g: x\n  h: x\n  i: x\n  j: x\n',
  'base: &base\n  image:\n    repository: r\n    tag: v1\n  replicas: 1\nmerged:\n  <<: *base\n',
  'anchored:\n  image: &img\n    tag: v1\n  sidecar:\n    image: *img\n',
  'created:\n  a: 1\n',
  'quotedold:\n  tag: "v1"\n',
].join('');

const RULE_CHANGES: ChangeSpec[] = [
  ...lines(
    [
      'numeric-tag.tag=16.10',
      'float-tag.tag=1.10',
      'int-tag.tag=17.0',
      'date-tag.tag=20251001',
      'octal.mode=010',
      'octal.perm=0777',
      'words.a=yes',
      'words.b=off',
      'words.c=y',
      'words.d=~',
      'words.e=.inf',
      'words.f=1e400',
      'words.g=1_000',
      'words.h=0x1F',
      'words.i=2001-12-14',
      'words.j=True',
      'words.k=1:20',
      'words.l=null',
      'words.m=-.5',
      'replicas.count=3',
      'flag.enabled=true',
      'nullkey.revisionHistoryLimit=10',
      'commented.registry=ghcr.io',
      'commented.tag=1.2.3',
      'flowseq.hooks[0]=https://hooks.example/api?token=abc',
      'flowseq.hooks[1]=?x',
      'flowseq.hooks[2]=:x',
      'flowseq.hooks[3]=a, b',
      'flowmap.tag=sha256:abc',
      'flowmap.repo=x: y',
      'blockseq[0]=16.10',
      'blockseq[1]=3',
      'blockseq[2]=v2',
      'blockseq[3]=on',
      "single.tag=it's",
      'merged.replicas=3',
      'anchored.image.tag=v2',
      'created.b.c=16.10',
      'quotedold.tag=v2 # not a comment',
    ].join('\n'),
  ),
  json('controls.a', 'del\x7fx'),
  json('controls.b', 'nel\u0085x'),
  json('controls.c', 'ls\u2028ps\u2029x'),
  json('controls.d', 'esc\x1b[31mred'),
  json('controls.e', 'nul\x00x'),
  json('controls.f', 'c1\u0080\u009fx'),
  json('controls.g', 'tab\tnew\nline'),
  json('controls.h', 'quote"back\\slash'),
  json('controls.i', 'bom\ufeffé🚀'),
  json('controls.j', 12),
];

const RULE_EXPECTED: Array<[Array<string | number>, Asked]> = [
  [['numeric-tag', 'tag'], '16.10'],
  [['float-tag', 'tag'], '1.10'],
  [['int-tag', 'tag'], '17.0'],
  [['date-tag', 'tag'], '20251001'],
  [['octal', 'mode'], '010'],
  [['octal', 'perm'], '0777'],
  [['words', 'a'], 'yes'],
  [['words', 'b'], 'off'],
  [['words', 'c'], 'y'],
  [['words', 'd'], '~'],
  [['words', 'e'], '.inf'],
  [['words', 'f'], '1e400'],
  [['words', 'g'], '1_000'],
  [['words', 'h'], '0x1F'],
  [['words', 'i'], '2001-12-14'],
  [['words', 'j'], 'True'],
  [['words', 'k'], '1:20'],
  [['words', 'l'], 'null'],
  [['words', 'm'], '-.5'],
  [['replicas', 'count'], 3],
  [['flag', 'enabled'], true],
  [['nullkey', 'revisionHistoryLimit'], 10],
  [['commented', 'registry'], 'ghcr.io'],
  [['commented', 'tag'], '1.2.3'],
  [['flowseq', 'hooks', 0], 'https://hooks.example/api?token=abc'],
  [['flowseq', 'hooks', 1], '?x'],
  [['flowseq', 'hooks', 2], ':x'],
  [['flowseq', 'hooks', 3], 'a, b'],
  [['flowmap', 'tag'], 'sha256:abc'],
  [['flowmap', 'repo'], 'x: y'],
  [['blockseq', 0], '16.10'],
  [['blockseq', 1], 3],
  [['blockseq', 2], 'v2'],
  [['blockseq', 3], 'on'],
  [['single', 'tag'], "it's"],
  [['merged', 'replicas'], 3],
  [['anchored', 'image', 'tag'], 'v2'],
  [['anchored', 'sidecar', 'image', 'tag'], 'v2'],
  [['created', 'b', 'c'], '16.10'],
  [['quotedold', 'tag'], 'v2 # not a comment'],
  [['controls', 'a'], 'del\x7fx'],
  [['controls', 'b'], 'nel\u0085x'],
  [['controls', 'c'], 'ls\u2028ps\u2029x'],
  [['controls', 'd'], 'esc\x1b[31mred'],
  [['controls', 'e'], 'nul\x00x'],
  [['controls', 'f'], 'c1\u0080\u009fx'],
  [['controls', 'g'], 'tab\tnew\nline'],
  [['controls', 'h'], 'quote"back\\slash'],
  [['controls', 'i'], 'bom\ufeffé🚀'],
  [['controls', 'j'], 12],
];

describe('the rule, judged by the real Helm', () => {
  const edited = editYaml(RULE_SOURCE, RULE_CHANGES, ALL);

  test.each(HELM_MAJORS.map((m) => [m]))(
    'helm %i reads every asked value, and nothing else changed',
    async (major) => {
      const before = await readsOf(major as HelmMajor, RULE_SOURCE);
      const after = await readsOf(major as HelmMajor, edited.text);
      expect(assertReads(before, after, RULE_EXPECTED)).toEqual([]);
    },
  );

  test('a value for an empty key or list item goes after its indicator; a comment after it is kept', () => {
    expect(edited.text).toContain('  registry: ghcr.io  # the registry\n  tag: 1.2.3 # the tag\n');
    expect(edited.text).toContain('  - v2\n  - "on"  # empty\n');
  });

  test('a type change is noticed; the aliases an anchored edit changes are listed', () => {
    expect(edited.notices).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^'numeric-tag\.tag': was the number 16, now the string "16\.10" \(Helm would read plain 16\.10 as 16\.1\)$/,
        ),
        expect.stringMatching(
          /^'anchored\.image\.tag' is anchored \(allow-anchors\): \*img at line \d+, column \d+ now read v2 too$/,
        ),
      ]),
    );
  });

  test('previous-values reverts it byte for byte, removing the created key again', () => {
    const prev = previousValues([
      {
        file: 'v.yaml',
        before: RULE_SOURCE,
        after: edited.text,
        edits: edited.edits,
        warnings: [],
        notices: [],
      },
    ]);
    expect(prev['v.yaml']['created.b.c']).toEqual({ absent: true });
    const revert = parseChangesJson(JSON.stringify(prev));
    if (revert.kind !== 'per-file') throw new Error('previous-values must be per file');
    const back = editYaml(edited.text, revert.files.get('v.yaml')!, ALL);
    expect(back.text).toBe(RULE_SOURCE);
  });
});

describe('value-type forces the type, as Helm reads it', () => {
  const NUMBER: EditOptions = { ...ALL, valueType: 'number' };
  const source = 'a: "5"\nb: x\nc: x\n';
  test.each(HELM_MAJORS.map((m) => [m]))('helm %i', async (major) => {
    const r = editYaml(source, parseChangeLines('a=5\nb=16.10\nc=-2', 'number'), NUMBER);
    const before = await readsOf(major as HelmMajor, source);
    const after = await readsOf(major as HelmMajor, r.text);
    expect(
      assertReads(before, after, [
        [['a'], 5],
        [['b'], 16.1],
        [['c'], -2],
      ]),
    ).toEqual([]);
  });

  test('a number YAML 1.1 and 1.2 read differently (010: 8 or 10) is refused', () => {
    expect(() => editYaml(source, parseChangeLines('b=010', 'number'), NUMBER)).toThrow(
      "'010' cannot be written as a number: Helm (YAML 1.1) reads '010' as 8 but YAML 1.2 as 10",
    );
  });
});

describe('merge keys (<<) never lose inherited keys', () => {
  const source = 'base: &base\n  image:\n    repository: r\n    tag: v1\nworker:\n  <<: *base\n';
  test('an override of a key inside an inherited mapping is refused, naming what it would drop', () => {
    expect(() => editYaml(source, lines('worker.image.tag=v2'), ALL)).toThrow(
      /'worker\.image' comes from the merge key << at line 6, column 3; a 'image' key written under 'worker' would replace the whole inherited mapping \(a merge is one level deep\) and drop 'repository', 'tag' — refusing/,
    );
  });

  test.each(HELM_MAJORS.map((m) => [m]))(
    'a key written before << is overridden by it in helm %i, so that edit is refused',
    async (major) => {
      const src = 'base: &base\n  tag: v1\nworker:\n  tag: v0\n  <<: *base\n';
      // Helm itself: the explicit key before the merge loses.
      const reads = await readsOf(major as HelmMajor, src);
      expect(reads.get(pathKey(['worker', 'tag']))?.json).toBe('v1');
      expect(() => editYaml(src, lines('worker.tag=v2'), ALL)).toThrow(
        /Helm would read v1 there, not v2/,
      );
    },
  );
});

// ---- the corpus: real values files, realistic bumps ------------------------------------------

// Written by hand per file (image tags, digests, replica counts, booleans, keys with dots and
// hyphens, list items): path, value as typed in `changes`, what Helm must read.
const BUMPS: Record<string, Array<[string, string, Asked]>> = {
  'alertmanager.yaml': [
    ['configmapReload.image.tag', 'v9.9.10', 'v9.9.10'],
    ['image.tag', '16.10', '16.10'],
    ['replicaCount', '3', 3],
    ['config.enabled', 'false', false],
    ['configmapReload.enabled', 'true', true],
    [
      'testFramework.annotations."helm.sh/hook"',
      'acme.example/bumped-value',
      'acme.example/bumped-value',
    ],
    ['config.templates[0]', 'NET_BIND_SERVICE', 'NET_BIND_SERVICE'],
    [
      'configmapReload.image.repository',
      'registry.example.com/mirror/app',
      'registry.example.com/mirror/app',
    ],
  ],
  'argo-cd.yaml': [
    ['applicationSet.image.tag', 'v9.9.10', 'v9.9.10'],
    ['commitServer.image.tag', '16.10', '16.10'],
    ['controller.image.tag', '20251001', '20251001'],
    ['dex.image.tag', '1.10.0-debian-12-r1', '1.10.0-debian-12-r1'],
    ['applicationSet.replicas', '3', 3],
    ['controller.replicas', '3', 3],
    ['applicationSet.certificate.enabled', 'true', true],
    ['applicationSet.httproute.enabled', 'true', true],
    [
      'configs.cm."application.instanceLabelKey"',
      'acme.example/bumped-value',
      'acme.example/bumped-value',
    ],
    ['redis-ha.exporter.tag', 'v1.76.0', 'v1.76.0'],
    [
      'applicationSet.containerSecurityContext.capabilities.drop[0]',
      'NET_BIND_SERVICE',
      'NET_BIND_SERVICE',
    ],
    [
      'applicationSet.image.repository',
      'registry.example.com/mirror/app',
      'registry.example.com/mirror/app',
    ],
  ],
  'bitnami-nginx.yaml': [
    ['cloneStaticSiteFromGit.image.tag', 'v9.9.10', 'v9.9.10'],
    ['image.tag', '16.10', '16.10'],
    ['metrics.image.tag', '20251001', '20251001'],
    [
      'cloneStaticSiteFromGit.image.digest',
      'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
      'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
    ],
    ['replicaCount', '3', 3],
    ['autoscaling.enabled', 'true', true],
    ['cloneStaticSiteFromGit.enabled', 'true', true],
    [
      'metrics.service.annotations."prometheus.io/port"',
      'acme.example/bumped-value',
      'acme.example/bumped-value',
    ],
    ['containerSecurityContext.capabilities.drop[0]', 'NET_BIND_SERVICE', 'NET_BIND_SERVICE'],
    [
      'cloneStaticSiteFromGit.image.repository',
      'registry.example.com/mirror/app',
      'registry.example.com/mirror/app',
    ],
  ],
  'bitnami-postgresql.yaml': [
    ['image.tag', 'v9.9.10', 'v9.9.10'],
    ['metrics.image.tag', '16.10', '16.10'],
    ['volumePermissions.image.tag', '20251001', '20251001'],
    [
      'image.digest',
      'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
      'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
    ],
    ['readReplicas.replicaCount', '3', 3],
    ['backup.cronjob.containerSecurityContext.enabled', 'false', false],
    ['backup.cronjob.networkPolicy.enabled', 'false', false],
    [
      'metrics.service.annotations."prometheus.io/port"',
      'acme.example/bumped-value',
      'acme.example/bumped-value',
    ],
    ['backup.cronjob.command[0]', 'NET_BIND_SERVICE', 'NET_BIND_SERVICE'],
    ['image.repository', 'registry.example.com/mirror/app', 'registry.example.com/mirror/app'],
  ],
  'bitnami-redis.yaml': [
    ['image.tag', 'v9.9.10', 'v9.9.10'],
    ['kubectl.image.tag', '16.10', '16.10'],
    ['metrics.image.tag', '20251001', '20251001'],
    ['sentinel.image.tag', '1.10.0-debian-12-r1', '1.10.0-debian-12-r1'],
    [
      'image.digest',
      'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
      'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
    ],
    ['replica.replicaCount', '3', 3],
    ['auth.acl.enabled', 'true', true],
    ['auth.enabled', 'false', false],
    [
      'metrics.podAnnotations."prometheus.io/port"',
      'acme.example/bumped-value',
      'acme.example/bumped-value',
    ],
    ['diagnosticMode.args[0]', 'NET_BIND_SERVICE', 'NET_BIND_SERVICE'],
    ['image.repository', 'registry.example.com/mirror/app', 'registry.example.com/mirror/app'],
  ],
  'ingress-nginx.yaml': [
    ['controller.admissionWebhooks.patch.image.tag', 'v9.9.10', 'v9.9.10'],
    ['controller.image.tag', '16.10', '16.10'],
    ['defaultBackend.image.tag', '20251001', '20251001'],
    [
      'controller.admissionWebhooks.patch.image.digest',
      'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
      'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
    ],
    ['controller.replicaCount', '3', 3],
    ['defaultBackend.replicaCount', '3', 3],
    ['controller.admissionWebhooks.certManager.enabled', 'true', true],
    ['controller.admissionWebhooks.enabled', 'false', false],
    [
      'controller.admissionWebhooks.patch.nodeSelector."kubernetes.io/os"',
      'acme.example/bumped-value',
      'acme.example/bumped-value',
    ],
    [
      'controller.admissionWebhooks.createSecretJob.securityContext.capabilities.drop[0]',
      'NET_BIND_SERVICE',
      'NET_BIND_SERVICE',
    ],
  ],
  'kube-prometheus-stack.yaml': [
    ['alertmanager.alertmanagerSpec.image.tag', 'v9.9.10', 'v9.9.10'],
    ['crds.upgradeJob.image.busybox.tag', '16.10', '16.10'],
    ['crds.upgradeJob.image.kubectl.tag', '20251001', '20251001'],
    ['prometheus.prometheusSpec.image.tag', '1.10.0-debian-12-r1', '1.10.0-debian-12-r1'],
    ['alertmanager.alertmanagerSpec.replicas', '3', 3],
    ['prometheus.prometheusSpec.replicas', '3', 3],
    ['alertmanager.enabled', 'false', false],
    ['alertmanager.ingress.enabled', 'true', true],
    ['prometheus-node-exporter.extraArgs[0]', 'NET_BIND_SERVICE', 'NET_BIND_SERVICE'],
    ['alertmanager.config.inhibit_rules[0].equal[0]', 'NET_BIND_SERVICE', 'NET_BIND_SERVICE'],
    [
      'alertmanager.alertmanagerSpec.image.repository',
      'registry.example.com/mirror/app',
      'registry.example.com/mirror/app',
    ],
  ],
  'loki-distributed.yaml': [
    ['compactor.image.tag', 'v9.9.10', 'v9.9.10'],
    ['distributor.image.tag', '16.10', '16.10'],
    ['gateway.image.tag', '20251001', '20251001'],
    ['indexGateway.image.tag', '1.10.0-debian-12-r1', '1.10.0-debian-12-r1'],
    ['compactor.replicas', '3', 3],
    ['distributor.replicas', '3', 3],
    ['compactor.enabled', 'true', true],
    ['compactor.persistence.enabled', 'true', true],
    ['ingress.paths.query-frontend[0]', 'NET_BIND_SERVICE', 'NET_BIND_SERVICE'],
    [
      'gateway.containerSecurityContext.capabilities.drop[0]',
      'NET_BIND_SERVICE',
      'NET_BIND_SERVICE',
    ],
    [
      'gateway.image.repository',
      'registry.example.com/mirror/app',
      'registry.example.com/mirror/app',
    ],
  ],
  'otel-collector.yaml': [
    ['image.tag', 'v9.9.10', 'v9.9.10'],
    [
      'image.digest',
      'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
      'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
    ],
    ['replicaCount', '3', 3],
    ['autoscaling.enabled', 'true', true],
    ['httproute.enabled', 'true', true],
    [
      'config.service.telemetry.resource."host.name"',
      'acme.example/bumped-value',
      'acme.example/bumped-value',
    ],
    ['ports.jaeger-compact.protocol', 'acme.example/bumped-value', 'acme.example/bumped-value'],
    [
      'config.receivers.prometheus.config.scrape_configs[0].static_configs[0].targets[0]',
      'NET_BIND_SERVICE',
      'NET_BIND_SERVICE',
    ],
    ['image.repository', 'registry.example.com/mirror/app', 'registry.example.com/mirror/app'],
  ],
  'otel-demo.yaml': [
    ['components.astronomy-db.imageOverride.tag', 'v9.9.10', 'v9.9.10'],
    ['components.firepit.imageOverride.tag', '16.10', '16.10'],
    ['components.flagd.imageOverride.tag', '20251001', '20251001'],
    ['components.valkey-cart.imageOverride.tag', '1.10.0-debian-12-r1', '1.10.0-debian-12-r1'],
    ['components.astronomy-db.replicas', '3', 3],
    ['components.flagd.replicas', '3', 3],
    ['components.accounting.enabled', 'false', false],
    ['components.ad.enabled', 'false', false],
    [
      'components.accounting.podAnnotations."resource.opentelemetry.io/service.namespace"',
      'acme.example/bumped-value',
      'acme.example/bumped-value',
    ],
    ['components.astronomy-db.command[0]', 'NET_BIND_SERVICE', 'NET_BIND_SERVICE'],
    ['components.accounting.initContainers[0].command[0]', 'NET_BIND_SERVICE', 'NET_BIND_SERVICE'],
    [
      'components.astronomy-db.imageOverride.repository',
      'registry.example.com/mirror/app',
      'registry.example.com/mirror/app',
    ],
  ],
  'prometheus.yaml': [
    ['configmapReload.prometheus.image.tag', 'v9.9.10', 'v9.9.10'],
    ['server.image.tag', '16.10', '16.10'],
    [
      'configmapReload.prometheus.image.digest',
      'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
      'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
    ],
    ['server.replicaCount', '3', 3],
    ['alertmanager.enabled', 'false', false],
    ['alertmanager.persistence.enabled', 'false', false],
    [
      'prometheus-pushgateway.serviceAnnotations."prometheus.io/probe"',
      'acme.example/bumped-value',
      'acme.example/bumped-value',
    ],
    [
      'scrapeConfigs.kubernetes-api-servers.bearer_token_file',
      'acme.example/bumped-value',
      'acme.example/bumped-value',
    ],
    ['alertmanager.persistence.accessModes[0]', 'NET_BIND_SERVICE', 'NET_BIND_SERVICE'],
    [
      'configmapReload.prometheus.image.repository',
      'registry.example.com/mirror/app',
      'registry.example.com/mirror/app',
    ],
  ],
  'tempo-distributed.yaml': [
    ['adminApi.image.tag', 'v9.9.10', 'v9.9.10'],
    ['compactor.image.tag', '16.10', '16.10'],
    ['distributor.image.tag', '20251001', '20251001'],
    ['enterprise.image.tag', '1.10.0-debian-12-r1', '1.10.0-debian-12-r1'],
    [
      'provisioner.image.digest',
      'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
      'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
    ],
    ['adminApi.replicas', '3', 3],
    ['compactor.replicas', '3', 3],
    ['compactor.autoscaling.enabled', 'true', true],
    ['compactor.autoscaling.hpa.enabled', 'true', true],
    [
      'metaMonitoring.grafanaAgent.metrics.scrapeK8s.kubeStateMetrics.labelSelectors."app.kubernetes.io/name"',
      'acme.example/bumped-value',
      'acme.example/bumped-value',
    ],
    [
      'ingress.paths.query-frontend[0].path',
      'acme.example/bumped-value',
      'acme.example/bumped-value',
    ],
    ['cache.caches[0].roles[0]', 'NET_BIND_SERVICE', 'NET_BIND_SERVICE'],
    [
      'enterprise.image.repository',
      'registry.example.com/mirror/app',
      'registry.example.com/mirror/app',
    ],
  ],
};

const corpusFiles = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.yaml'))
  .sort();

test('the corpus is here, complete, and identical to the shared copy where that exists', () => {
  expect(corpusFiles).toEqual(Object.keys(BUMPS).sort());
  if (existsSync(SHARED))
    for (const f of corpusFiles)
      expect(readFileSync(path.join(CORPUS, f), 'utf8')).toBe(
        readFileSync(path.join(SHARED, f), 'utf8'),
      );
});

const tally = { files: 0, bumps: 0, passed: { 3: 0, 4: 0 } as Record<HelmMajor, number> };
afterAll(() => {
  // The figures of the report: files, bumps, and bumps Helm read back as asked, per major.
  console.log(
    `corpus: ${tally.files} files, ${tally.bumps} bumps; read as asked: helm 3 ${tally.passed[3]}, helm 4 ${tally.passed[4]}`,
  );
});

describe.each(corpusFiles)('corpus %s', (file) => {
  const source = readFileSync(path.join(CORPUS, file), 'utf8');
  const table = BUMPS[file];
  const changes = lines(table.map(([p, v]) => `${p}=${v}`).join('\n'));
  let edited: ReturnType<typeof editYaml>;
  beforeAll(() => {
    edited = editYaml(source, changes, { valueType: 'auto', createMissing: false });
  });
  const expected = table.map(([p, , v]) => [parsePath(p), v] as [Array<string | number>, Asked]);
  tally.files++;
  tally.bumps += table.length;

  test('byte-exact outside the changed scalars', () => {
    assertByteExactOutsideValues(source, edited.text, table.length);
  });

  test('the edit of only the reached sections equals the whole-file edit', () => {
    expect(edited).toEqual(
      editYaml(source, changes, { valueType: 'auto', createMissing: false, wholeFile: true }),
    );
  });

  test.each(HELM_MAJORS.map((m) => [m]))(
    'helm %i reads every bump as asked, and nothing else changed',
    async (major) => {
      const before = await readsOf(major as HelmMajor, source);
      const after = await readsOf(major as HelmMajor, edited.text);
      const failures = assertReads(before, after, expected);
      tally.passed[major as HelmMajor] +=
        table.length - new Set(failures.map((f) => f.split(':')[0])).size;
      expect(failures).toEqual([]);
    },
  );

  test('previous-values reverts it byte for byte', () => {
    const prev = previousValues([
      { file, before: source, after: edited.text, edits: edited.edits, warnings: [], notices: [] },
    ]);
    const revert = parseChangesJson(JSON.stringify(prev));
    if (revert.kind !== 'per-file') throw new Error('previous-values must be per file');
    expect(
      editYaml(edited.text, revert.files.get(file)!, { valueType: 'auto', createMissing: false })
        .text,
    ).toBe(source);
  });
});

// ---- a chart's JSON schema as the judge ---------------------------------------------------------

const SCHEMA_CHART = path.join(HERE, 'helm-schema-chart');

function template(major: HelmMajor, values: string): { ok: boolean; out: string } {
  const file = path.join(tmp, `schema-${++counter}.yaml`);
  writeFileSync(file, values);
  const r = spawnSync(helmBinary(major).path, ['template', 'x', SCHEMA_CHART, '-f', file], {
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      HELM_CACHE_HOME: tmp,
      HELM_CONFIG_HOME: tmp,
      HELM_DATA_HOME: tmp,
    },
  });
  return { ok: r.status === 0, out: `${r.stdout}${r.stderr}` };
}

describe.each(HELM_MAJORS.map((m) => [m]))("helm %i with a chart's values.schema.json", (major) => {
  test('a null key given a number stays an integer: the schema [integer, null] accepts it', () => {
    const source = 'revisionHistoryLimit:\nreplicaCount: 1\nimage:\n  tag: v1\n';
    const edited = editYaml(source, lines('revisionHistoryLimit=10\nreplicaCount=3'), ALL).text;
    const r = template(major as HelmMajor, edited);
    expect(r.out).toContain('revisionHistoryLimit: 10\n');
    expect(r.ok).toBe(true);
  });

  test('a numeric tag (refused by the schema) bumped to 16.10 becomes the string, rendered app:16.10', () => {
    const source = 'image:\n  tag: 16\n';
    expect(template(major as HelmMajor, source).ok).toBe(false);
    const t = template(major as HelmMajor, editYaml(source, lines('image.tag=16.10'), ALL).text);
    expect(t.ok).toBe(true);
    expect(t.out).toContain('image: "app:16.10"');
  });

  test('the schema is really checked: the string "10" is refused', () => {
    const r = template(major as HelmMajor, 'revisionHistoryLimit: "10"\nimage:\n  tag: x\n');
    expect(r.ok).toBe(false);
    expect(r.out).toMatch(/revisionHistoryLimit/);
  });
});
