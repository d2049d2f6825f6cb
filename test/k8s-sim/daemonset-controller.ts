// The DaemonSet controller: one pod per node; RollingUpdate replaces old pods while at most
// maxUnavailable nodes lack an available pod; OnDelete replaces a pod only after it is deleted.
import type { ControllerContext } from './controller';
import { intOrPercent } from './deployment-controller';
import { resolveResourceType } from './resources';
import type { KubeObject } from './selectors';
import { dropZeros, randomSuffix, templateHash } from './store';

const DAEMONSETS = resolveResourceType('daemonsets');
const REVISION_LABEL = 'controller-revision-hash';

export function syncDaemonSet(ctx: ControllerContext, ds: KubeObject, now: number): void {
  const name = ds.metadata.name;
  const namespace = ds.metadata.namespace!;
  const revision = templateHash(ds.spec?.template);
  const nodes = ctx.nodes;
  const minReady = ds.spec?.minReadySeconds ?? 0;
  const strategy = ds.spec?.updateStrategy?.type ?? 'RollingUpdate';
  const controller = { component: 'daemonset-controller' };
  const behaviour = ctx.behaviourFor(ds);
  const pods = () => ctx.podsOwnedBy(ds);
  const onNode = (node: string) => pods().filter((p) => p.spec?.nodeName === node);

  for (const node of nodes) {
    if (onNode(node).length > 0) continue;
    const pod = ctx.kubelet.createPod({
      name: `${name}-${randomSuffix()}`,
      namespace,
      template: ds.spec.template,
      owner: ds,
      nodeName: node,
      extraLabels: {
        [REVISION_LABEL]: revision,
        'pod-template-generation': String(ds.metadata.generation ?? 1),
      },
      behaviour,
    });
    ctx.events.record(
      ds,
      'Normal',
      'SuccessfulCreate',
      `Created pod: ${pod.metadata.name}`,
      controller,
    );
  }

  if (strategy === 'RollingUpdate') {
    const maxUnavailable = Math.max(
      1,
      intOrPercent(ds.spec?.updateStrategy?.rollingUpdate?.maxUnavailable, nodes.length, true, '1'),
    );
    const live = pods().filter((p) => !p.metadata.deletionTimestamp);
    const unavailableNodes = nodes.filter(
      (n) => !live.some((p) => p.spec?.nodeName === n && ctx.kubelet.isAvailable(p, minReady, now)),
    ).length;
    const outdated = live.filter((p) => p.metadata.labels?.[REVISION_LABEL] !== revision);
    // Outdated pods that are not available anyway go at once; the others within the budget.
    const broken = outdated.filter((p) => !ctx.kubelet.isAvailable(p, minReady, now));
    const healthy = outdated
      .filter((p) => ctx.kubelet.isAvailable(p, minReady, now))
      .slice(0, Math.max(0, maxUnavailable - unavailableNodes));
    for (const pod of [...broken, ...healthy]) {
      ctx.kubelet.terminate(pod);
      ctx.events.record(
        ds,
        'Normal',
        'SuccessfulDelete',
        `Deleted pod: ${pod.metadata.name}`,
        controller,
      );
    }
  }

  const live = pods().filter((p) => !p.metadata.deletionTimestamp);
  const scheduled = nodes.filter((n) => live.some((p) => p.spec?.nodeName === n));
  const available = live.filter((p) => ctx.kubelet.isAvailable(p, minReady, now)).length;
  const status = {
    currentNumberScheduled: scheduled.length,
    numberMisscheduled: 0,
    desiredNumberScheduled: nodes.length,
    numberReady: live.filter((p) => ctx.kubelet.isReady(p)).length,
    observedGeneration: ds.metadata.generation,
    updatedNumberScheduled: live.filter((p) => p.metadata.labels?.[REVISION_LABEL] === revision)
      .length,
    numberAvailable: available,
    numberUnavailable: Math.max(0, nodes.length - available),
  };
  ctx.store.update(
    DAEMONSETS,
    {
      ...ds,
      status: dropZeros(status, ['updatedNumberScheduled', 'numberAvailable', 'numberUnavailable']),
    },
    'status',
  );
}
