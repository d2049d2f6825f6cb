// What must be true at the end of a scenario, checked against the world itself: the cluster's
// Deployments and Helm history, the GitOps remote, the helm command lines that ran, the chat
// sinks. The demo's verdict says whether the scenario ended as it must; the tests assert it too.
import type { ChatMessage } from './chat-sinks';
import type { ClusterState } from './demo-cluster';
import type { RemoteCommit } from './gitops-repo';
import { IMAGE_REPOSITORY, type Expectation } from './scenarios';
import type { RunResult } from './workflow/engine';

export interface Facts {
  run: RunResult;
  messages: ChatMessage[];
  git: RemoteCommit[];
  cluster: ClusterState;
  helmCommands: string[][];
}

/** A message version as plain text: Slack's text, blocks and attachments; Discord's content and embeds. */
export function messageText(body: Record<string, unknown>): string {
  const parts: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') parts.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(body);
  return parts.join('\n');
}

/** The people or groups a message version notifies: Slack <!here>, <@U…>, <!subteam^…>; Discord <@…>, @here. */
export function pings(platform: 'slack' | 'discord', body: Record<string, unknown>): string[] {
  const text = messageText(body);
  const pattern =
    platform === 'slack'
      ? /<(?:!(?:here|channel|everyone)|@[UW][A-Z0-9]+|!subteam\^[A-Z0-9]+)[^>]*>/g
      : /<@[&!]?\d+>|@here|@everyone/g;
  return [...new Set(text.match(pattern) ?? [])];
}

export function checkOutcome(expect: Expectation, f: Facts): string[] {
  const problems: string[] = [];
  if (f.run.status !== expect.run)
    problems.push(`the run ended ${f.run.status}, expected ${expect.run}`);
  const api = f.cluster.deployments.find((d) => d.name === 'shop-api');
  const want = `${IMAGE_REPOSITORY}:${expect.live}`;
  if (api?.image !== want)
    problems.push(`the cluster runs ${api?.image ?? 'nothing'}, expected ${want}`);
  for (const d of f.cluster.deployments)
    if (d.readyReplicas !== d.replicas)
      problems.push(`deployment ${d.name} has ${d.readyReplicas}/${d.replicas} ready replicas`);
  const tags = f.git.map((c) => c.tag);
  if (tags.join(' ') !== expect.git.join(' '))
    problems.push(
      `the GitOps remote's shop-api tags are ${tags.join(' ← ')}, expected ${expect.git.join(' ← ')}`,
    );
  if (expect.webTag && f.git[0]?.webTag !== expect.webTag)
    problems.push(
      `the GitOps remote's shop-web tag is ${f.git[0]?.webTag}, expected ${expect.webTag}`,
    );
  const rollbacks = f.helmCommands.filter((argv) => argv[0] === 'rollback');
  if (expect.rollbackTo === undefined && rollbacks.length)
    problems.push(
      `helm rollback ran (${rollbacks.map((a) => a.slice(0, 3).join(' ')).join('; ')}) though nothing of this run was deployed to undo`,
    );
  if (expect.rollbackTo !== undefined && !rollbacks.some((a) => a[2] === String(expect.rollbackTo)))
    problems.push(`no helm rollback to revision ${expect.rollbackTo} ran`);
  const last = f.cluster.helmHistory.at(-1);
  const lastApi = last?.images
    .find((i) => i.startsWith('shop-api='))
    ?.split(':')
    .at(-1);
  if (
    !last ||
    (expect.lastRevision.revision !== undefined &&
      last.revision !== expect.lastRevision.revision) ||
    last.status !== expect.lastRevision.status ||
    lastApi !== expect.lastRevision.version ||
    (expect.lastRevision.description && !expect.lastRevision.description.test(last.description))
  )
    problems.push(
      `Helm's last revision is ${last ? `${last.revision} (${last.status}, shop-api ${lastApi}, "${last.description}")` : 'missing'}, expected ${expect.lastRevision.revision ?? 'any revision'} (${expect.lastRevision.status}, shop-api ${expect.lastRevision.version})`,
    );
  for (const platform of ['slack', 'discord'] as const) {
    const latest = f.messages.filter((m) => m.platform === platform).at(-1);
    const text = latest ? messageText(latest.versions.at(-1) ?? {}) : '';
    if (!latest) problems.push(`${platform} received no message`);
    else if (!expect.chat.test(text))
      problems.push(`${platform}'s last message does not say ${expect.chat.source}`);
  }
  return problems;
}
