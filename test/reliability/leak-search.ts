// Searches everything a run leaves for the runner and the next steps (the log as the runner
// shows it, stderr, outputs, state, exported variables, the job summary) for planted secrets,
// in the encodings a secret takes when code passes it on: raw, base64 and base64url (at every
// byte alignment, so a secret inside a longer encoded string is found too), URL-encoded and
// JSON-escaped. A masked `***` is not a leak; a value the action registered with `::add-mask::`
// is blanked in the log lines that come AFTER the registration, as the runner's masker does —
// a line printed before the mask was registered shows the secret, and is a leak.
import { randomBytes } from 'node:crypto';
import type { ActionRun } from '../harness/run-action';

export interface Secret {
  /** Where it was planted, e.g. "kubeconfig user token". */
  label: string;
  value: string;
}

export interface Leak {
  secret: string;
  form: string;
  where: string;
  /** The line around the find (the secret itself cut out), for the report. */
  context: string;
}

/** A fresh secret: letters and digits, plus `extra` characters (e.g. '+/=' for a token, '@:%' for a password). */
export function plant(label: string, extra = ''): Secret {
  const body = randomBytes(18)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, '');
  const tag = label.replace(/[^A-Za-z0-9]/g, '').slice(0, 10);
  return { label, value: `${tag}${extra}${body}` };
}

/** The middle of the base64 of `value` at byte offset `k` (0–2): the part that does not depend on neighbours. */
function base64Core(value: Buffer, k: number, url: boolean): string {
  const enc = Buffer.concat([Buffer.alloc(k), value]).toString(url ? 'base64url' : 'base64');
  const trimmed = enc.replace(/=+$/, '');
  const start = k === 0 ? 0 : 4;
  const end = (k + value.length) % 3 === 0 ? trimmed.length : trimmed.length - 4;
  return trimmed.slice(start, Math.max(start, end));
}

/** The forms a secret is searched for, each with its name. */
export function secretForms(value: string): Array<{ form: string; text: string }> {
  const buf = Buffer.from(value, 'utf8');
  const forms: Array<{ form: string; text: string }> = [
    { form: 'raw', text: value },
    { form: 'URL-encoded', text: encodeURIComponent(value) },
    {
      form: 'URL-encoded (form, + for space)',
      text: new URLSearchParams({ x: value }).toString().slice(2),
    },
    { form: 'JSON-escaped', text: JSON.stringify(value).slice(1, -1) },
  ];
  for (const url of [false, true])
    for (const k of [0, 1, 2]) {
      const text = base64Core(buf, k, url);
      if (text.length >= 8)
        forms.push({ form: `${url ? 'base64url' : 'base64'} (offset ${k})`, text });
    }
  const seen = new Set<string>();
  return forms.filter((f) => f.text.length >= 6 && !seen.has(f.text) && seen.add(f.text));
}

function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

/**
 * The log as the runner shows it: `::add-mask::` commands consumed (not shown) and each
 * registered value replaced by `***` in every later line. Multi-line values are not special:
 * the toolkit registers what it is given; our Runner registers key-material lines one by one.
 */
export function runnerView(stream: string): string {
  const masks: string[] = [];
  const out: string[] = [];
  for (const line of stream.split('\n')) {
    const m = /^::add-mask::(.*)$/.exec(line.replace(/\r$/, ''));
    if (m) {
      const v = unescapeData(m[1]).trim();
      if (v) {
        masks.push(v);
        masks.sort((a, b) => b.length - a.length);
      }
      continue;
    }
    let shown = line;
    for (const v of masks) shown = shown.split(v).join('***');
    out.push(shown);
  }
  return out.join('\n');
}

/** Every place a run leaves text, keyed by name. */
export function runPlaces(run: ActionRun): Record<string, string> {
  const places: Record<string, string> = {
    log: runnerView(run.stdout),
    stderr: runnerView(run.stderr),
    summary: run.summary,
  };
  for (const [k, v] of Object.entries(run.outputs)) places[`output ${k}`] = v;
  for (const [k, v] of Object.entries(run.state)) places[`state ${k}`] = v;
  for (const [k, v] of Object.entries(run.exportedEnv)) places[`exported ${k}`] = v;
  return places;
}

/** Counts of what was searched: secrets × forms × places. */
export interface SearchTally {
  secrets: number;
  forms: number;
  places: number;
  checks: number;
}

export function findLeaks(
  places: Record<string, string>,
  secrets: Secret[],
  tally?: SearchTally,
): Leak[] {
  const leaks: Leak[] = [];
  const names = Object.keys(places);
  for (const s of secrets) {
    const forms = secretForms(s.value);
    if (tally) {
      tally.secrets++;
      tally.forms += forms.length;
      tally.places = Math.max(tally.places, names.length);
      tally.checks += forms.length * names.length;
    }
    for (const { form, text } of forms)
      for (const where of names) {
        const hay = places[where];
        const at = hay.indexOf(text);
        if (at < 0) continue;
        const lineStart = hay.lastIndexOf('\n', at) + 1;
        const lineEnd = hay.indexOf('\n', at);
        const line = hay.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
        leaks.push({
          secret: s.label,
          form,
          where,
          context: line.split(text).join('<SECRET>').slice(0, 300),
        });
      }
  }
  return leaks;
}

/** One line per leak, for a failing expectation that says exactly what leaked where. */
export function describeLeaks(leaks: Leak[]): string[] {
  return leaks.map((l) => `${l.secret} (${l.form}) in ${l.where}: ${l.context}`);
}
