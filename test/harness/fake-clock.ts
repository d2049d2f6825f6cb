import type { Clock } from '@cicd-actions/core';

/** A clock whose sleeps return at once and move time forward; records every sleep. */
export class FakeClock implements Clock {
  sleeps: number[] = [];
  constructor(public t = 1_700_000_000_000) {}
  now(): number {
    return this.t;
  }
  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.t += Math.max(0, ms);
  }
  advance(ms: number): void {
    this.t += ms;
  }
}
