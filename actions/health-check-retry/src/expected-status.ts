// Which HTTP statuses count as healthy: `200-299,304`, `2xx`, `200`.
import { preview } from '@cicd-actions/core';

/** Inclusive ranges of acceptable statuses, with the text they were written as. */
export interface StatusSet {
  ranges: Array<[number, number]>;
  text: string;
}

const MIN = 100;
const MAX = 599;

/** Parses a status list; returns a problem description instead when an item is malformed. */
export function parseExpectedStatus(text: string): StatusSet | { problem: string } {
  const items = text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length === 0) return { problem: 'expected status codes or ranges like 200-299,304' };
  const ranges: Array<[number, number]> = [];
  for (const item of items) {
    const cls = /^([1-5])xx$/i.exec(item);
    const range = /^(\d{3})-(\d{3})$/.exec(item);
    const single = /^\d{3}$/.exec(item);
    let lo: number;
    let hi: number;
    if (cls) [lo, hi] = [Number(cls[1]) * 100, Number(cls[1]) * 100 + 99];
    else if (range) [lo, hi] = [Number(range[1]), Number(range[2])];
    else if (single) lo = hi = Number(item);
    else
      return {
        problem: `${preview(item)} is not a status code (e.g. 200), range (200-299) or class (2xx)`,
      };
    if (lo < MIN || hi > MAX)
      return { problem: `${preview(item)} is outside the HTTP status codes ${MIN}-${MAX}` };
    if (lo > hi) return { problem: `${preview(item)} is an empty range (start after end)` };
    ranges.push([lo, hi]);
  }
  return { ranges, text: items.join(',') };
}

export function statusExpected(set: StatusSet, status: number): boolean {
  return set.ranges.some(([lo, hi]) => status >= lo && status <= hi);
}
