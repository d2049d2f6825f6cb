// The demo's scenarios: what the pushed release does, what happens around the job while it runs,
// and what must be true at the end — in the cluster, in Git and in the chat. The workflow file
// decides everything in between; a scenario only shapes the world.
import type { ImageBehaviour } from './demo-cluster';
import type { EngineHooks } from './workflow/engine';
import type { StepDef } from './workflow/model';
import { ourAction } from './demo-world';

export const SCENARIO_NAMES = [
  'good',
  'bad-release',
  'failed-upgrade',
  'failed-health',
  'cancelled',
  'push-race',
] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

export const IMAGE_REPOSITORY = 'ghcr.io/acme/shop-api';
/** The last good release, live before the job (Helm revision 3 after 1.4.0 and 1.4.1). */
export const LIVE_VERSION = '1.4.2';
export const LIVE_REVISION = 3;
export const HISTORY = ['1.4.0', '1.4.1', LIVE_VERSION];
/** What the other service's pipeline sets in the push-race scenario. */
export const OTHER_RELEASE = { path: 'shop-web.image.tag', version: '2.1.0' };

/** Hooks get the world's levers. */
export interface ScenarioLevers {
  /** Every later request of helm creating a release record is refused (a full Secrets quota). */
  refuseNewHelmRevisions(on: boolean): void;
  /** Runs the other service's pipeline step: bump-helm-values in its own clone, pushed to the remote. */
  otherReleaseBumps(): Promise<void>;
}

export interface Expectation {
  run: 'success' | 'failure' | 'cancelled';
  /** The shop-api image version running at the end. */
  live: string;
  /** shop-api tags of the GitOps remote's commits, newest first. */
  git: string[];
  /** shop-web tag at the remote's tip. */
  webTag?: string;
  /** Whether a `helm rollback` ran, and to which revision. */
  rollbackTo?: number;
  /** The last Helm revision's number (when it is certain), status and image version. */
  lastRevision: { revision?: number; status: string; version: string; description?: RegExp };
  /** How the chat ends: the final text of the message the job started with. */
  chat: RegExp;
}

export type WorkflowKind = 'production' | 'gitops';

export interface Scenario {
  name: ScenarioName;
  /** The example workflows it applies to. */
  workflows: WorkflowKind[];
  /** Why not to the others. */
  notFor?: string;
  /** One line for --help and the summary. */
  story: string;
  version: string;
  behaviours: ImageBehaviour[];
  /** What the app's health endpoint reports for this version (undefined: healthy). */
  healthProblem?: string;
  hooks(levers: ScenarioLevers): EngineHooks;
  expect(workflow: WorkflowKind): Expectation;
}

const image = (v: string) => `${IMAGE_REPOSITORY}:${v}`;
const isHelmUpgrade = (s: StepDef) =>
  /\bhelm\s+upgrade\b/.test(s.run ?? '') || ourAction(s.uses ?? '') === 'helm-deploy';
const isBump = (s: StepDef) => ourAction(s.uses ?? '') === 'bump-helm-values' && !!s.with.changes;

/** Failure scenarios end the same way: the last good release live again, the tag reverted. */
function restored(version: string, workflow: WorkflowKind, why: RegExp): Expectation {
  return workflow === 'production'
    ? {
        run: 'failure',
        live: LIVE_VERSION,
        git: [LIVE_VERSION, version, LIVE_VERSION],
        rollbackTo: LIVE_REVISION,
        lastRevision: {
          revision: LIVE_REVISION + 2,
          status: 'deployed',
          version: LIVE_VERSION,
          description: new RegExp(`^Rollback to ${LIVE_REVISION}$`),
        },
        chat: why,
      }
    : {
        // Argo CD applies the revert as a new revision; nothing calls helm rollback.
        run: 'failure',
        live: LIVE_VERSION,
        git: [LIVE_VERSION, version, LIVE_VERSION],
        lastRevision: { revision: LIVE_REVISION + 2, status: 'deployed', version: LIVE_VERSION },
        chat: why,
      };
}

export const SCENARIOS: Record<ScenarioName, Scenario> = {
  good: {
    name: 'good',
    workflows: ['production', 'gitops'],
    story: 'a healthy release: bumped in Git, rolled out, smoke-tested, announced',
    version: '1.5.0',
    behaviours: [],
    hooks: () => ({}),
    expect: () => ({
      run: 'success',
      live: '1.5.0',
      git: ['1.5.0', LIVE_VERSION],
      lastRevision: { revision: LIVE_REVISION + 1, status: 'deployed', version: '1.5.0' },
      chat: /succeeded/,
    }),
  },
  'bad-release': {
    name: 'bad-release',
    workflows: ['production', 'gitops'],
    story: 'the new pods crash-loop: caught by wait-rollout, rolled back, reverted in Git',
    version: '1.5.1',
    behaviours: [{ image: image('1.5.1'), pods: 'crash-loop' }],
    healthProblem: 'crash-looping',
    hooks: () => ({}),
    expect: (w) => restored('1.5.1', w, /rolled back/),
  },
  'failed-health': {
    name: 'failed-health',
    workflows: ['production', 'gitops'],
    story: 'the pods are ready but the smoke test fails: rolled back, reverted in Git',
    version: '1.5.2',
    behaviours: [],
    healthProblem: 'degraded: database migrations pending',
    hooks: () => ({}),
    expect: (w) => restored('1.5.2', w, /rolled back/),
  },
  'failed-upgrade': {
    name: 'failed-upgrade',
    workflows: ['production'],
    notFor: 'in the GitOps example Argo CD applies the chart; the workflow runs no helm upgrade',
    story:
      'helm upgrade fails before it creates a revision (a full Secrets quota): nothing to roll back, the bump reverted',
    version: '1.5.3',
    behaviours: [],
    hooks: (levers) => ({
      beforeStep: (_job, step) => {
        if (isHelmUpgrade(step)) levers.refuseNewHelmRevisions(true);
      },
      afterStep: (_job, record) => {
        if (record.conclusion !== 'skipped') levers.refuseNewHelmRevisions(false);
      },
    }),
    expect: () => ({
      run: 'failure',
      live: LIVE_VERSION,
      git: [LIVE_VERSION, '1.5.3', LIVE_VERSION],
      lastRevision: { revision: LIVE_REVISION, status: 'deployed', version: LIVE_VERSION },
      chat: /failed/,
    }),
  },
  cancelled: {
    name: 'cancelled',
    workflows: ['production', 'gitops'],
    story: 'the run is cancelled mid-rollout: the rollback and the revert still run',
    version: '1.5.4',
    // A slow rollout, so that the cancel lands while wait-rollout is waiting.
    behaviours: [{ image: image('1.5.4'), stepMs: 1500 }],
    hooks: () => {
      let armed = true;
      return {
        beforeStep: (_job, step, run) => {
          if (armed && ourAction(step.uses ?? '') === 'wait-rollout') {
            armed = false;
            setTimeout(() => run.cancel(), 2000).unref();
          }
        },
      };
    },
    expect: (w) => ({ ...restored('1.5.4', w, /cancelled|rolled back/), run: 'cancelled' }),
  },
  'push-race': {
    name: 'push-race',
    workflows: ['production', 'gitops'],
    story:
      "another service's release bumps the same values file at the same time: both land, neither overwrites the other",
    version: '1.5.5',
    behaviours: [],
    hooks: (levers) => {
      let raced = false;
      return {
        beforeStep: async (_job, step) => {
          if (!raced && isBump(step)) {
            raced = true;
            await levers.otherReleaseBumps();
          }
        },
      };
    },
    expect: (w) => ({
      run: 'success',
      live: '1.5.5',
      git: ['1.5.5', LIVE_VERSION, LIVE_VERSION],
      webTag: OTHER_RELEASE.version,
      // Argo CD may apply the other release's commit as a revision of its own, or both at once.
      lastRevision: {
        revision: w === 'gitops' ? undefined : LIVE_REVISION + 1,
        status: 'deployed',
        version: '1.5.5',
      },
      chat: /succeeded/,
    }),
  },
};
