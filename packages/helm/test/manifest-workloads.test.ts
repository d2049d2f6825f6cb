import { workloadsFromManifest } from '../src/manifest-workloads';

const manifest = `---
# Source: web/templates/service.yaml
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ports: [{port: 80}]
---
# Source: web/templates/deployment.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
---
# Source: web/templates/db.yaml
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
  namespace: data
---
# Source: web/templates/agent.yaml
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
---
# Source: web/templates/job.yaml
apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
`;

describe('workloadsFromManifest', () => {
  test.each([
    {
      name: 'a chart with a Service, three workloads and a Job',
      input: manifest,
      expected: [
        { kind: 'Deployment', name: 'web', namespace: 'prod' },
        { kind: 'StatefulSet', name: 'db', namespace: 'data' },
        { kind: 'DaemonSet', name: 'agent', namespace: 'prod' },
      ],
    },
    { name: 'empty manifest', input: '', expected: [] },
    { name: 'only comments and separators', input: '---\n# Source: x\n---\n', expected: [] },
    {
      name: 'an old extensions/v1beta1 Deployment is not a workload we can wait for',
      input: 'apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata:\n  name: old\n',
      expected: [],
    },
    {
      name: 'a List of items',
      input:
        'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: apps/v1\n    kind: Deployment\n    metadata: {name: a}\n  - apiVersion: apps/v1\n    kind: Deployment\n    metadata: {name: b}\n',
      expected: [
        { kind: 'Deployment', name: 'a', namespace: 'prod' },
        { kind: 'Deployment', name: 'b', namespace: 'prod' },
      ],
    },
    {
      name: 'the same Deployment twice is waited for once',
      input:
        'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\n',
      expected: [{ kind: 'Deployment', name: 'a', namespace: 'prod' }],
    },
  ])('$name', ({ input, expected }) =>
    expect(workloadsFromManifest(input, 'prod')).toEqual(expected),
  );

  test('broken YAML is an error, not an empty list', () => {
    expect(() => workloadsFromManifest('kind: Deployment\n  bad: [indent', 'prod')).toThrow(
      /not valid YAML/,
    );
  });
});
