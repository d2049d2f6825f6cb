// The wire protocol checked with plain HTTPS requests: status bodies, discovery shapes, patches,
// list shapes and the fault rules, independent of any client library.
import { request } from 'node:https';
import { deployment, secret, startCluster, type SimCluster } from './index';

let cluster: SimCluster;
beforeEach(async () => {
  cluster = await startCluster({ controller: false });
});
afterEach(async () => {
  await cluster.close();
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: any;
}

function call(
  method: string,
  path: string,
  options: { token?: string | null; body?: unknown; contentType?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {};
    const token = options.token === undefined ? cluster.token : options.token;
    if (token !== null) headers.authorization = `Bearer ${token}`;
    const payload =
      options.body === undefined
        ? undefined
        : typeof options.body === 'string'
          ? options.body
          : JSON.stringify(options.body);
    if (payload !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
    const req = request(`${cluster.url}${path}`, { method, headers, ca: cluster.caPem }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => {
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          // plain text answers (healthz) stay strings
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

describe('authentication', () => {
  test.each([
    ['a wrong token', 'nope'],
    ['no token', null],
  ])('%s gets the 401 Status the API server sends', async (_name, token) => {
    const reply = await call('GET', '/apis/apps/v1/namespaces/default/deployments', { token });
    expect(reply.status).toBe(401);
    expect(reply.body).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'Unauthorized',
      reason: 'Unauthorized',
      code: 401,
    });
  });

  test('/version is readable without a token, as for anonymous users', async () => {
    const reply = await call('GET', '/version', { token: null });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      major: '1',
      gitVersion: expect.stringMatching(/^v1\.\d+\.\d+/),
    });
  });

  test('unauthorizedNext refuses even the right token, then lets it through', async () => {
    cluster.faults.unauthorizedNext(1);
    expect((await call('GET', '/api/v1/namespaces/default/pods')).status).toBe(401);
    expect((await call('GET', '/api/v1/namespaces/default/pods')).status).toBe(200);
  });
});

describe('discovery', () => {
  test('core and apps resource lists name the served resources and subresources', async () => {
    const core = await call('GET', '/api/v1');
    expect(core.body).toMatchObject({ kind: 'APIResourceList', groupVersion: 'v1' });
    const coreNames = core.body.resources.map((r: any) => r.name);
    expect(coreNames).toEqual(
      expect.arrayContaining([
        'pods',
        'pods/status',
        'events',
        'secrets',
        'namespaces',
        'configmaps',
      ]),
    );
    const apps = await call('GET', '/apis/apps/v1');
    const deploy = apps.body.resources.find((r: any) => r.name === 'deployments');
    expect(deploy).toMatchObject({
      kind: 'Deployment',
      namespaced: true,
      shortNames: ['deploy'],
      verbs: expect.arrayContaining(['watch', 'patch']),
    });
    expect(apps.body.resources.map((r: any) => r.name)).toEqual(
      expect.arrayContaining(['statefulsets', 'daemonsets', 'replicasets', 'deployments/status']),
    );
  });

  test('/api and /apis list versions and groups', async () => {
    expect((await call('GET', '/api')).body).toMatchObject({
      kind: 'APIVersions',
      versions: ['v1'],
    });
    const groups = await call('GET', '/apis');
    expect(groups.body.kind).toBe('APIGroupList');
    expect(groups.body.groups).toEqual([
      {
        name: 'apps',
        versions: [{ groupVersion: 'apps/v1', version: 'v1' }],
        preferredVersion: { groupVersion: 'apps/v1', version: 'v1' },
      },
    ]);
  });

  test('cluster-scoped namespaces and all-namespace lists are routed', async () => {
    cluster.apply(deployment({ name: 'a', namespace: 'shop' }));
    cluster.apply(deployment({ name: 'b' }));
    expect((await call('GET', '/api/v1/namespaces/shop')).body).toMatchObject({
      kind: 'Namespace',
      metadata: { name: 'shop' },
    });
    expect((await call('GET', '/api/v1/namespaces/shop/status')).body.status).toEqual({
      phase: 'Active',
    });
    const all = await call('GET', '/apis/apps/v1/deployments');
    expect(all.body.items.map((d: any) => `${d.metadata.namespace}/${d.metadata.name}`)).toEqual([
      'default/b',
      'shop/a',
    ]);
  });

  test('unknown paths answer a 404 Status', async () => {
    const reply = await call('GET', '/apis/batch/v1/namespaces/default/jobs');
    expect(reply.status).toBe(404);
    expect(reply.body).toMatchObject({ kind: 'Status', reason: 'NotFound', code: 404 });
  });
});

describe('REST semantics', () => {
  const deployments = '/apis/apps/v1/namespaces/default/deployments';

  test('create returns 201 with server-set metadata; a second create is 409 AlreadyExists', async () => {
    const created = await call('POST', deployments, { body: deployment({ name: 'api' }) });
    expect(created.status).toBe(201);
    expect(created.body.metadata).toMatchObject({
      name: 'api',
      namespace: 'default',
      generation: 1,
      uid: expect.any(String),
      resourceVersion: expect.stringMatching(/^\d+$/),
    });
    expect(created.body.metadata.creationTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const again = await call('POST', deployments, { body: deployment({ name: 'api' }) });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      reason: 'AlreadyExists',
      message: 'deployments.apps "api" already exists',
    });
  });

  test('create in a namespace that does not exist is 404 for the namespace', async () => {
    const reply = await call('POST', '/apis/apps/v1/namespaces/nowhere/deployments', {
      body: deployment({ name: 'api', namespace: 'nowhere' }),
    });
    expect(reply.status).toBe(404);
    expect(reply.body.message).toBe('namespaces "nowhere" not found');
  });

  test('list carries the current resourceVersion; items carry no apiVersion/kind', async () => {
    cluster.apply(deployment({ name: 'api' }));
    const list = await call('GET', deployments);
    expect(list.body).toMatchObject({
      kind: 'DeploymentList',
      apiVersion: 'apps/v1',
      metadata: { resourceVersion: cluster.store.resourceVersion },
    });
    expect(list.body.items[0].kind).toBeUndefined();
    expect(list.body.items[0].metadata.name).toBe('api');
  });

  test('a PUT with a stale resourceVersion is a 409 Conflict', async () => {
    const first = cluster.apply(deployment({ name: 'api' }));
    cluster.setImage('deployment', 'api', 'app:2');
    const reply = await call('PUT', `${deployments}/api`, { body: first });
    expect(reply.status).toBe(409);
    expect(reply.body.message).toBe(
      'Operation cannot be fulfilled on deployments.apps "api": the object has been modified; please apply your changes to the latest version and try again',
    );
  });

  test.each([
    ['merge patch', 'application/merge-patch+json', { spec: { replicas: 4 } }],
    ['strategic merge patch', 'application/strategic-merge-patch+json', { spec: { replicas: 4 } }],
    [
      'JSON patch',
      'application/json-patch+json',
      [{ op: 'replace', path: '/spec/replicas', value: 4 }],
    ],
  ])('%s changes the spec and bumps generation', async (_name, contentType, body) => {
    cluster.apply(deployment({ name: 'api', replicas: 1 }));
    const reply = await call('PATCH', `${deployments}/api`, { body, contentType });
    expect(reply.status).toBe(200);
    expect(reply.body.spec.replicas).toBe(4);
    expect(reply.body.metadata.generation).toBe(2);
  });

  test('patching the status subresource changes status only', async () => {
    cluster.apply(deployment({ name: 'api', replicas: 1 }));
    const reply = await call('PATCH', `${deployments}/api/status`, {
      body: { status: { replicas: 1 }, spec: { replicas: 9 } },
      contentType: 'application/merge-patch+json',
    });
    expect(reply.body.status).toEqual({ replicas: 1 });
    expect(reply.body.spec.replicas).toBe(1);
    expect(reply.body.metadata.generation).toBe(1);
  });

  test('delete answers a Success Status and removes what the object owns', async () => {
    const d = cluster.apply(deployment({ name: 'api' }));
    cluster.apply({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: 'api-1',
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            name: 'api',
            uid: d.metadata.uid!,
            controller: true,
          },
        ],
      },
      spec: { replicas: 0 },
    });
    const reply = await call('DELETE', `${deployments}/api`);
    expect(reply.body).toMatchObject({
      kind: 'Status',
      status: 'Success',
      details: { name: 'api', group: 'apps', kind: 'deployments', uid: d.metadata.uid },
    });
    expect(cluster.get('replicaset', 'api-1')).toBeUndefined();
    expect((await call('GET', `${deployments}/api`)).status).toBe(404);
  });

  test('secrets are selected by label, as helm stores releases', async () => {
    cluster.apply(
      secret({
        name: 'sh.helm.release.v1.web.v1',
        labels: { owner: 'helm', name: 'web', version: '1' },
        type: 'helm.sh/release.v1',
        stringData: { release: 'x' },
      }),
    );
    cluster.apply(secret({ name: 'other' }));
    const reply = await call(
      'GET',
      '/api/v1/namespaces/default/secrets?labelSelector=owner%3Dhelm%2Cname%3Dweb',
    );
    expect(reply.body.items.map((s: any) => s.metadata.name)).toEqual([
      'sh.helm.release.v1.web.v1',
    ]);
    expect(reply.body.items[0].data.release).toBe(Buffer.from('x').toString('base64'));
  });
});

/** Opens a watch with plain HTTPS and reports the lines it got and how the stream ended. */
function rawWatch(
  path: string,
): Promise<{ lines: any[]; complete: boolean; headersAt: number; endedAt: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const req = request(
      `${cluster.url}${path}`,
      { headers: { authorization: `Bearer ${cluster.token}` }, ca: cluster.caPem },
      (res) => {
        const headersAt = Date.now() - started;
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('error', () => undefined);
        res.on('close', () =>
          resolve({
            lines: text
              .split('\n')
              .filter(Boolean)
              .map((l) => JSON.parse(l)),
            complete: res.complete,
            headersAt,
            endedAt: Date.now() - started,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('watch streams on the wire', () => {
  const watchPath = '/apis/apps/v1/namespaces/default/deployments?watch=1';

  test('a clean drop ends the chunked response; a reset drop cuts it mid-stream', async () => {
    cluster.apply(deployment({ name: 'a' }));
    cluster.apply(deployment({ name: 'b' }));
    cluster.faults.dropWatches(1, { afterEvents: 1, how: 'end' });
    const clean = await rawWatch(watchPath);
    expect(clean.lines.map((l) => [l.type, l.object.metadata.name])).toEqual([['ADDED', 'a']]);
    expect(clean.complete).toBe(true);
    cluster.faults.dropWatches(1, { afterEvents: 1, how: 'reset' });
    const reset = await rawWatch(watchPath);
    expect(reset.lines.map((l) => [l.type, l.object.metadata.name])).toEqual([['ADDED', 'a']]);
    expect(reset.complete).toBe(false);
  });

  test('events carry apiVersion and kind; sendInitialEvents ends the initial list with a marked BOOKMARK', async () => {
    cluster.apply(deployment({ name: 'a' }));
    const stream = await rawWatch(
      `${watchPath}&sendInitialEvents=true&allowWatchBookmarks=true&resourceVersionMatch=NotOlderThan&timeoutSeconds=1`,
    );
    expect(stream.lines[0]).toMatchObject({
      type: 'ADDED',
      object: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'a' } },
    });
    expect(stream.lines[1]).toEqual({
      type: 'BOOKMARK',
      object: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: {
          name: '',
          resourceVersion: cluster.store.resourceVersion,
          annotations: { 'k8s.io/initial-events-end': 'true' },
        },
      },
    });
  });

  test('a label-selector watch sees an object leaving the selection as DELETED', async () => {
    const created = cluster.apply(deployment({ name: 'a', labels: { app: 'a', track: 'canary' } }));
    const streaming = rawWatch(
      `${watchPath}&labelSelector=track%3Dcanary&resourceVersion=${created.metadata.resourceVersion}&timeoutSeconds=1`,
    );
    await new Promise((r) => setTimeout(r, 100));
    cluster.apply({
      ...created,
      metadata: { ...created.metadata, labels: { app: 'a', track: 'stable' } },
    });
    const stream = await streaming;
    expect(stream.lines.map((l) => [l.type, l.object.metadata.labels.track])).toEqual([
      ['DELETED', 'stable'],
    ]);
  });
});

describe('faults', () => {
  test('failNext answers the next matching requests with the status, then recovers', async () => {
    cluster.faults.failNext(
      2,
      { status: 503, retryAfterSeconds: 1 },
      { method: 'GET', path: '/deployments' },
    );
    const pods = await call('GET', '/api/v1/namespaces/default/pods');
    expect(pods.status).toBe(200);
    const first = await call('GET', '/apis/apps/v1/namespaces/default/deployments');
    expect(first.status).toBe(503);
    expect(first.headers['retry-after']).toBe('1');
    expect(first.body).toMatchObject({ kind: 'Status', reason: 'ServiceUnavailable', code: 503 });
    expect((await call('GET', '/apis/apps/v1/namespaces/default/deployments')).status).toBe(503);
    expect((await call('GET', '/apis/apps/v1/namespaces/default/deployments')).status).toBe(200);
    expect(cluster.faults.pending).toBe(false);
  });

  test('delayNext slows the next request down, and only that one', async () => {
    cluster.faults.delayNext(1, 600);
    const timed = async () => {
      const started = Date.now();
      await call('GET', '/version');
      return Date.now() - started;
    };
    const slow = await timed();
    const fast = await timed();
    expect(slow).toBeGreaterThanOrEqual(590);
    expect(fast).toBeLessThan(slow - 300);
  });

  test('the request log records method, path, query and time', async () => {
    const before = Date.now();
    await call('GET', '/api/v1/namespaces/default/events?fieldSelector=involvedObject.name%3Dapi');
    expect(cluster.requests).toEqual([
      expect.objectContaining({
        method: 'GET',
        path: '/api/v1/namespaces/default/events',
        query: { fieldSelector: 'involvedObject.name=api' },
        watch: false,
        status: 200,
      }),
    ]);
    expect(cluster.requests[0].time).toBeGreaterThanOrEqual(before);
    cluster.clearRequests();
    expect(cluster.requests).toEqual([]);
  });
});

describe('close', () => {
  test('rejects a waitFor still pending instead of leaving its timer behind', async () => {
    cluster.apply(deployment({ name: 'api' }));
    const waiting = cluster.waitFor('deployment', 'api', () => false, { timeoutMs: 60_000 });
    await cluster.close();
    await expect(waiting).rejects.toThrow(
      'k8s-sim: the cluster closed while waiting for deployment/api',
    );
    cluster = await startCluster({ controller: false }); // afterEach closes this one
  });
});

// Fidelity fixes the real API server revealed (test/cluster/suites/k8s-sim-parity.cluster.test.ts
// asserts the same answers against kube-apiserver 1.34).
describe('as the real API server', () => {
  test('a Deployment without strategy fields is stored with the server defaults', async () => {
    const bare = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'bare' },
      spec: {
        selector: { matchLabels: { app: 'bare' } },
        template: {
          metadata: { labels: { app: 'bare' } },
          spec: { containers: [{ name: 'app', image: 'x' }] },
        },
      },
    };
    const r = await call('POST', '/apis/apps/v1/namespaces/default/deployments', { body: bare });
    expect(r.status).toBe(201);
    expect(r.body.spec).toMatchObject({
      replicas: 1,
      strategy: {
        type: 'RollingUpdate',
        rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
      },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    });
  });

  test('a Recreate Deployment gets no rollingUpdate block', async () => {
    const obj = deployment({ name: 'rec', strategy: 'Recreate' });
    const r = await call('POST', '/apis/apps/v1/namespaces/default/deployments', { body: obj });
    expect(r.body.spec.strategy).toEqual({ type: 'Recreate' });
  });

  test('a field selector on an unsupported field label is a 400', async () => {
    const r = await call(
      'GET',
      `/apis/apps/v1/namespaces/default/deployments?fieldSelector=${encodeURIComponent('spec.replicas=1')}`,
    );
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({
      reason: 'BadRequest',
      message:
        '"spec.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"',
    });
  });

  test('on a resource with field labels of its own, an unknown one is "not supported"', async () => {
    const r = await call(
      'GET',
      `/api/v1/namespaces/default/pods?fieldSelector=${encodeURIComponent('foo.bar=1')}`,
    );
    expect(r.status).toBe(400);
    expect(r.body.message).toBe('field label not supported: foo.bar');
    const ok = await call(
      'GET',
      `/api/v1/namespaces/default/pods?fieldSelector=${encodeURIComponent('spec.nodeName=n1')}`,
    );
    expect(ok.status).toBe(200);
  });

  test('an injected 403 carries reason Forbidden', async () => {
    cluster.faults.failNext(1, { status: 403, message: 'denied' });
    const r = await call('GET', '/apis/apps/v1/namespaces/default/deployments');
    expect(r.status).toBe(403);
    expect(r.body).toMatchObject({ reason: 'Forbidden', code: 403, message: 'denied' });
  });

  test('dryRun=All answers as a write would, and stores nothing', async () => {
    const obj = deployment({ name: 'dry' });
    const created = await call('POST', '/apis/apps/v1/namespaces/default/deployments?dryRun=All', {
      body: obj,
    });
    expect(created.status).toBe(201);
    expect(created.body.metadata).toMatchObject({ name: 'dry', generation: 1 });
    expect(created.body.metadata.resourceVersion).toBeUndefined();
    expect(cluster.get('deployment', 'dry')).toBeUndefined();
    cluster.apply(obj);
    const before = cluster.get('deployment', 'dry')!;
    const patched = await call(
      'PATCH',
      '/apis/apps/v1/namespaces/default/deployments/dry?dryRun=All',
      { body: { spec: { replicas: 5 } }, contentType: 'application/merge-patch+json' },
    );
    expect(patched.status).toBe(200);
    expect(patched.body.spec.replicas).toBe(5);
    const gone = await call(
      'DELETE',
      '/apis/apps/v1/namespaces/default/deployments/dry?dryRun=All',
    );
    expect(gone.status).toBe(200);
    expect(cluster.get('deployment', 'dry')).toEqual(before);
  });

  test('strategic merge patch merges containers by name; merge patch replaces the list', async () => {
    const two = deployment({
      name: 'two',
      containers: [
        { name: 'app', image: 'a:1', ports: [{ containerPort: 80 }] },
        { name: 'sidecar', image: 's:1' },
      ],
    });
    cluster.apply(two);
    const body = { spec: { template: { spec: { containers: [{ name: 'app', image: 'a:2' }] } } } };
    const strategic = await call('PATCH', '/apis/apps/v1/namespaces/default/deployments/two', {
      body,
      contentType: 'application/strategic-merge-patch+json',
    });
    expect(strategic.body.spec.template.spec.containers).toEqual([
      { name: 'app', image: 'a:2', ports: [{ containerPort: 80 }] },
      { name: 'sidecar', image: 's:1' },
    ]);
    const merge = await call('PATCH', '/apis/apps/v1/namespaces/default/deployments/two', {
      body: { spec: { template: { spec: { containers: [{ name: 'app', image: 'a:3' }] } } } },
      contentType: 'application/merge-patch+json',
    });
    expect(merge.body.spec.template.spec.containers).toEqual([{ name: 'app', image: 'a:3' }]);
  });

  test('strategic merge patch: $patch delete removes a list item by its key', async () => {
    cluster.apply(
      deployment({
        name: 'del',
        containers: [
          { name: 'app', image: 'a:1' },
          { name: 'sidecar', image: 's:1' },
        ],
      }),
    );
    const body = {
      spec: { template: { spec: { containers: [{ name: 'sidecar', $patch: 'delete' }] } } },
    };
    const r = await call('PATCH', '/apis/apps/v1/namespaces/default/deployments/del', {
      body,
      contentType: 'application/strategic-merge-patch+json',
    });
    expect(r.body.spec.template.spec.containers).toEqual([{ name: 'app', image: 'a:1' }]);
  });
});
