// The simulator (test/k8s-sim) against the real API server on the same requests: where the
// simulator models something, it must answer as the real server does. Each case here is an
// infidelity the real cluster revealed and the simulator now models.
import https from 'node:https';
import {
  deployment as simDeployment,
  rolloutComplete,
  startCluster,
  type SimCluster,
} from '../../k8s-sim/index';
import {
  api,
  apply,
  rolloutStatus,
  setImage,
  waitFor,
  createNamespace,
  daemonSet,
  deleteNamespace,
  deployment,
  statefulSet,
  testCluster,
} from '../env';

let sim: SimCluster;
let namespace: string;
beforeAll(async () => {
  sim = await startCluster({ controller: false, namespaces: ['parity'] });
  namespace = await createNamespace('parity');
});
afterAll(async () => {
  await sim.close();
  await deleteNamespace(namespace);
});

/** The same request to the simulator (namespace `parity`), for comparison with the real one. */
function simRequest(method: string, apiPath: string, body?: unknown) {
  return new Promise<{ status: number; body: any }>((resolve, reject) => {
    const req = https.request(
      `${sim.url}${apiPath}`,
      {
        method,
        ca: sim.caPem,
        headers: {
          authorization: `Bearer ${sim.token}`,
          accept: 'application/json',
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(body ? JSON.stringify(body) : undefined);
  });
}

function simPatch(apiPath: string, body: unknown) {
  return new Promise<any>((resolve, reject) => {
    const req = https.request(
      `${sim.url}${apiPath}`,
      {
        method: 'PATCH',
        ca: sim.caPem,
        headers: {
          authorization: `Bearer ${sim.token}`,
          'content-type': 'application/strategic-merge-patch+json',
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve(JSON.parse(text)));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

const progressing = (d: any): Record<string, unknown> | undefined =>
  d.status?.conditions?.find((c: any) => c.type === 'Progressing');

const pick = (spec: Record<string, unknown>, keys: string[]) =>
  Object.fromEntries(keys.map((k) => [k, spec[k]]));

describe('the simulator answers as the real API server does', () => {
  test.each([
    {
      kind: 'Deployment',
      plural: 'deployments',
      make: deployment,
      fields: ['replicas', 'strategy', 'revisionHistoryLimit', 'progressDeadlineSeconds'],
    },
    {
      kind: 'StatefulSet',
      plural: 'statefulsets',
      make: statefulSet,
      fields: [
        'replicas',
        'updateStrategy',
        'podManagementPolicy',
        'revisionHistoryLimit',
        'persistentVolumeClaimRetentionPolicy',
      ],
    },
    {
      kind: 'DaemonSet',
      plural: 'daemonsets',
      make: daemonSet,
      fields: ['updateStrategy', 'revisionHistoryLimit'],
    },
  ])(
    'a $kind created without strategy fields gets the same defaults',
    async ({ plural, make, fields }) => {
      const name = `bare-${plural}`;
      const real = await api('POST', `/apis/apps/v1/namespaces/${namespace}/${plural}`, {
        body: strip(make(namespace, name)),
      });
      const simulated = await simRequest(
        'POST',
        `/apis/apps/v1/namespaces/parity/${plural}`,
        strip(make('parity', name)),
      );
      expect(real.status).toBe(201);
      expect(simulated.status).toBe(201);
      expect(pick(simulated.body.spec, fields)).toEqual(pick(real.body.spec, fields));
    },
  );

  test('a field selector on a field the resource does not index: the same 400', async () => {
    const query = '?fieldSelector=' + encodeURIComponent('spec.replicas=3');
    const real = await api('GET', `/apis/apps/v1/namespaces/${namespace}/deployments${query}`);
    const simulated = await simRequest(
      'GET',
      `/apis/apps/v1/namespaces/parity/deployments${query}`,
    );
    expect(real.status).toBe(400);
    expect(simulated.status).toBe(400);
    expect(pick(simulated.body, ['reason', 'message', 'code'])).toEqual(
      pick(real.body, ['reason', 'message', 'code']),
    );
  });

  test('field selectors the server supports (metadata.name, an Event’s involvedObject) work in both', async () => {
    const name = '?fieldSelector=' + encodeURIComponent('metadata.name=x');
    const events = '?fieldSelector=' + encodeURIComponent('involvedObject.name=x,type=Warning');
    for (const [p, q] of [
      ['/apis/apps/v1/namespaces/NS/deployments', name],
      ['/api/v1/namespaces/NS/events', events],
    ]) {
      const real = await api('GET', p.replace('NS', namespace) + q);
      const simulated = await simRequest('GET', p.replace('NS', 'parity') + q);
      expect({ p, status: real.status }).toEqual({ p, status: 200 });
      expect({ p, status: simulated.status }).toEqual({ p, status: 200 });
    }
  });

  test('a 403: the reason is Forbidden in both', async () => {
    // The static token's user has no permissions in this namespace: a real RBAC denial.
    const real = await api('GET', `/apis/apps/v1/namespaces/${namespace}/deployments`, {
      token: testCluster().staticToken,
    });
    sim.faults.failNext(1, { status: 403, message: 'denied' });
    const simulated = await simRequest('GET', '/apis/apps/v1/namespaces/parity/deployments');
    expect(real.status).toBe(403);
    expect(simulated.status).toBe(403);
    expect(simulated.body.reason).toBe(real.body.reason);
    expect(simulated.body.code).toBe(real.body.code);
  });

  test('strategic merge patch of one container keeps the others and their fields', async () => {
    const two = (ns: string) => ({
      ...deployment(ns, 'two'),
      spec: {
        ...deployment(ns, 'two').spec,
        template: {
          metadata: { labels: { app: 'two' } },
          spec: {
            containers: [
              { name: 'app', image: 'a:1', ports: [{ containerPort: 80, protocol: 'TCP' }] },
              { name: 'sidecar', image: 's:1' },
            ],
          },
        },
      },
    });
    await api('POST', `/apis/apps/v1/namespaces/${namespace}/deployments`, {
      body: two(namespace),
    });
    await simRequest('POST', '/apis/apps/v1/namespaces/parity/deployments', two('parity'));
    const patch = {
      spec: { template: { spec: { containers: [{ name: 'app', image: 'a:2' }] } } },
    };
    const real = await api('PATCH', `/apis/apps/v1/namespaces/${namespace}/deployments/two`, {
      body: patch,
      contentType: 'application/strategic-merge-patch+json',
    });
    const simulated = await simPatch('/apis/apps/v1/namespaces/parity/deployments/two', patch);
    const shape = (b: any) =>
      b.spec.template.spec.containers.map((c: any) => ({
        name: c.name,
        image: c.image,
        ports: c.ports,
      }));
    expect(real.status).toBe(200);
    expect(shape(simulated)).toEqual(shape(real.body));
  });

  test('dryRun=All: the answer of a create, and nothing stored, in both', async () => {
    const real = await api('POST', `/apis/apps/v1/namespaces/${namespace}/deployments?dryRun=All`, {
      body: deployment(namespace, 'dry'),
    });
    const simulated = await simRequest(
      'POST',
      '/apis/apps/v1/namespaces/parity/deployments?dryRun=All',
      deployment('parity', 'dry'),
    );
    expect(real.status).toBe(201);
    expect(simulated.status).toBe(201);
    expect(simulated.body.metadata.resourceVersion).toBe(real.body.metadata.resourceVersion);
    const realAfter = await api('GET', `/apis/apps/v1/namespaces/${namespace}/deployments/dry`);
    const simAfter = await simRequest('GET', '/apis/apps/v1/namespaces/parity/deployments/dry');
    expect(realAfter.status).toBe(404);
    expect(simAfter.status).toBe(404);
  });

  test('a paused Deployment with a new template: no new ReplicaSet, Progressing Unknown/DeploymentPaused', async () => {
    const running = await startCluster({ namespaces: ['parity'], behaviour: { stepMs: 20 } });
    try {
      // Real cluster.
      await apply(deployment(namespace, 'paused', { replicas: 2 }));
      const first = await rolloutStatus(namespace, 'deployment/paused');
      expect(first.code).toBe(0);
      await apply(deployment(namespace, 'paused', { replicas: 2, spec: { paused: true } }));
      await setImage(namespace, 'deployment/paused', 'registry.test/app:2');
      const real = await waitFor('the paused condition', async () => {
        const d = await api('GET', `/apis/apps/v1/namespaces/${namespace}/deployments/paused`);
        const c = progressing(d.body);
        return d.body.status?.observedGeneration === d.body.metadata.generation &&
          c?.reason === 'DeploymentPaused'
          ? d.body
          : undefined;
      });
      const realSets = await api(
        'GET',
        `/apis/apps/v1/namespaces/${namespace}/replicasets?labelSelector=app%3Dpaused`,
      );
      // Simulator.
      const obj = simDeployment({ name: 'paused', namespace: 'parity', replicas: 2 });
      running.apply(obj);
      await running.waitFor('deployment', 'paused', rolloutComplete, { namespace: 'parity' });
      running.apply({ ...obj, spec: { ...obj.spec, paused: true } });
      running.setImage('deployment', 'paused', 'registry.test/app:2', { namespace: 'parity' });
      const simulated = await running.waitFor(
        'deployment',
        'paused',
        (d) =>
          d.status?.observedGeneration === d.metadata.generation &&
          progressing(d)?.reason === 'DeploymentPaused',
        { namespace: 'parity' },
      );
      const pickCondition = (d: any) => pick(progressing(d) ?? {}, ['status', 'reason', 'message']);
      expect(pickCondition(simulated)).toEqual(pickCondition(real));
      expect(running.list('replicasets', { namespace: 'parity' })).toHaveLength(
        realSets.body.items.length,
      );
      expect(realSets.body.items).toHaveLength(1);
    } finally {
      await running.close();
    }
  });
});

/** The builders' objects are already minimal; this makes sure no strategy field slipped in. */
function strip<T extends { spec: Record<string, unknown> }>(obj: T): T {
  const copy = structuredClone(obj);
  for (const k of ['strategy', 'updateStrategy', 'progressDeadlineSeconds', 'revisionHistoryLimit'])
    delete copy.spec[k];
  return copy;
}
