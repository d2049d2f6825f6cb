// Helm values files for the bump cases: a small one (one service) and a 5,000-line one (100
// services of 50 lines each, with the comments, quoting and lists a real values file has).

export function smallValues(tag) {
  return [
    '# values for the api service',
    'api:',
    '  image:',
    '    repository: registry.example.com/team/api',
    `    tag: "${tag}" # bumped by CI`,
    '    pullPolicy: IfNotPresent',
    '  replicaCount: 2',
    '',
  ].join('\n');
}

export const BIG_SERVICES = 100;
const LINES_PER_SERVICE = 50;

export function serviceName(i) {
  return `svc-${String(i).padStart(3, '0')}`;
}

/** 100 services × 50 lines = 5,000 lines. */
export function bigValues(tag) {
  const lines = [];
  for (let i = 0; i < BIG_SERVICES; i++) {
    const name = serviceName(i);
    const block = [
      `# ${name}: owned by team ${i % 7}`,
      `${name}:`,
      '  image:',
      `    repository: registry.example.com/team/${name}`,
      `    tag: "${tag}"`,
      '    pullPolicy: IfNotPresent',
      `  replicaCount: ${1 + (i % 4)}`,
      '  service:',
      '    type: ClusterIP',
      `    port: ${8000 + i}`,
      '  resources:',
      '    limits:',
      '      cpu: 500m',
      '      memory: 512Mi',
      '    requests:',
      '      cpu: 100m',
      '      memory: 128Mi',
      '  env:',
    ];
    while (block.length < LINES_PER_SERVICE - 4) {
      const n = block.length;
      block.push(`    - name: SETTING_${n}`, `      value: "v${n}-${name}"`);
    }
    block.push(
      '  nodeSelector: {}',
      '  tolerations: []',
      "  annotations: { team: 'platform' }",
      '',
    );
    lines.push(...block.slice(0, LINES_PER_SERVICE));
  }
  return lines.join('\n') + '\n';
}
