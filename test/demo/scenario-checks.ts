// What the scenario tests read from a demo run: the world's end state, in plain values.
import { messageText, pings } from '../../demo/src/outcome';
import type { DemoResult } from '../../demo/src/demo';

/** Servers, sockets and child processes alive in this process (jest's own pipes and timers vary, so not those). */
export function liveHandles(): Record<string, number> {
  const counts: Record<string, number> = { TCPServerWrap: 0, TCPSocketWrap: 0, ProcessWrap: 0 };
  for (const kind of process.getActiveResourcesInfo()) if (kind in counts) counts[kind]++;
  return counts;
}

/** Nothing more alive than before (closing handles get one turn of the loop). */
export async function nothingLeftRunning(before: Record<string, number>): Promise<string[]> {
  await new Promise((resolve) => setTimeout(resolve, 100));
  const after = liveHandles();
  return Object.keys(after)
    .filter((k) => after[k] > before[k])
    .map((k) => `${k}: ${after[k]} (was ${before[k]})`);
}

/** Per platform: how each message arrived, and what its last version says and pings. */
export function chat(result: DemoResult, platform: 'slack' | 'discord') {
  return result.messages
    .filter((m) => m.platform === platform)
    .map((m) => ({
      via: m.via,
      final: messageText(m.versions.at(-1) ?? {}),
      pings: pings(platform, m.versions.at(-1) ?? {}),
    }));
}

export const history = (result: DemoResult) =>
  result.cluster.helmHistory.map(
    (h) =>
      `${h.revision} ${h.status} ${h.images
        .find((i) => i.startsWith('shop-api='))
        ?.split(':')
        .at(-1)} ${h.description}`,
  );

export const images = (result: DemoResult) =>
  Object.fromEntries(result.cluster.deployments.map((d) => [d.name, d.image]));
