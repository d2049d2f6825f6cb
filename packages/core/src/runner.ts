// The GitHub runner's protocol for JavaScript actions: inputs from INPUT_* variables,
// workflow commands on stdout, and file commands (GITHUB_OUTPUT, GITHUB_STATE, ...).
// Written here instead of importing @actions/core: its bundle costs ~40 ms of startup on
// every workflow run (it carries an HTTP client for OIDC), and the protocol is a few lines.
import { appendFileSync } from 'node:fs';
import { EOL } from 'node:os';

export type Env = Record<string, string | undefined>;

/** Where an action writes: stdout for workflow commands, files for file commands. */
export interface RunnerIO {
  env: Env;
  write(text: string): void;
  appendFile(path: string, text: string): void;
}

export const processIO: RunnerIO = {
  env: process.env,
  write: (text) => void process.stdout.write(text),
  appendFile: (path, text) => appendFileSync(path, text, { encoding: 'utf8' }),
};

export interface AnnotationProperties {
  title?: string;
  file?: string;
  line?: number;
  col?: number;
}

/** INPUT_<NAME>: upper-cased, spaces to underscores, hyphens kept — as the runner sets it. */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatCommand(
  command: string,
  message: string,
  props: Record<string, string | number | undefined> = {},
): string {
  const parts = Object.entries(props)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`);
  const head = parts.length ? `::${command} ${parts.join(',')}::` : `::${command}::`;
  return `${head}${escapeData(message)}${EOL}`;
}

/** A key/value in the heredoc form that file commands accept for any value. */
export function formatFileCommand(key: string, value: string): string {
  // The delimiter only has to be absent from the value, which the loop guarantees; Math.random
  // avoids loading node:crypto (measurable startup cost) for randomUUID.
  const fresh = () =>
    `ghadelimiter_${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
  let delimiter = fresh();
  while (key.includes(delimiter) || value.includes(delimiter)) delimiter = fresh();
  return `${key}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`;
}

// 8+ characters without spaces that are not a YAML key (`users:`): a line of key material.
const KEY_MATERIAL_LINE = /^\S{7,}[^\s:]$/;

export class Runner {
  private readonly secrets = new Set<string>();

  constructor(readonly io: RunnerIO = processIO) {}

  get env(): Env {
    return this.io.env;
  }

  /** The raw input string ('' when unset); surrounding whitespace trimmed. */
  input(name: string): string {
    return (this.io.env[inputEnvName(name)] ?? '').trim();
  }

  /** True when the workflow (or action.yml default) gave the input a non-empty value. */
  hasInput(name: string): boolean {
    return this.input(name) !== '';
  }

  isDebug(): boolean {
    return this.io.env.RUNNER_DEBUG === '1';
  }

  /**
   * Registers a value with the runner's log masker. The log is masked line by line, so a
   * multi-line value (a PEM key, a raw kubeconfig) is registered by its unbroken key-material
   * lines only: registering structural lines like `users:` or `kind: Config` would blank those
   * words everywhere in the log. Credentials inside structured text must be masked one by one.
   */
  setSecret(value: string | undefined): void {
    const v = value?.trim();
    if (!v) return;
    const parts = /[\r\n]/.test(v)
      ? v
          .split(/\r?\n/)
          .map((l) => l.trim())
          .filter((l) => KEY_MATERIAL_LINE.test(l))
      : [v];
    for (const part of parts) {
      if (part.length < 3 || this.secrets.has(part)) continue;
      this.secrets.add(part);
      this.io.write(formatCommand('add-mask', part));
    }
  }

  /** Replaces every registered secret in a text, for messages we build ourselves (summaries, outputs). */
  redact(text: string): string {
    let out = text;
    const sorted = [...this.secrets].sort((a, b) => b.length - a.length);
    for (const s of sorted) out = out.split(s).join('***');
    return out;
  }

  setOutput(name: string, value: string | number | boolean): void {
    this.fileCommand('GITHUB_OUTPUT', 'set-output', name, String(value));
  }

  saveState(name: string, value: string): void {
    this.fileCommand('GITHUB_STATE', 'save-state', name, value);
  }

  getState(name: string): string {
    return this.io.env[`STATE_${name}`] ?? '';
  }

  exportVariable(name: string, value: string): void {
    this.io.env[name] = value;
    this.fileCommand('GITHUB_ENV', 'set-env', name, value);
  }

  private fileCommand(fileVar: string, legacy: string, key: string, value: string): void {
    const file = this.io.env[fileVar];
    if (file) this.io.appendFile(file, formatFileCommand(key, value));
    else this.io.write(formatCommand(legacy, value, { name: key }));
  }

  info(message: string): void {
    this.io.write(`${message}${EOL}`);
  }

  debug(message: string): void {
    this.io.write(formatCommand('debug', message));
  }

  notice(message: string, props: AnnotationProperties = {}): void {
    this.io.write(formatCommand('notice', message, annotation(props)));
  }

  warning(message: string, props: AnnotationProperties = {}): void {
    this.io.write(formatCommand('warning', message, annotation(props)));
  }

  error(message: string, props: AnnotationProperties = {}): void {
    this.io.write(formatCommand('error', message, annotation(props)));
  }

  startGroup(name: string): void {
    this.io.write(formatCommand('group', name));
  }

  endGroup(): void {
    this.io.write(formatCommand('endgroup', ''));
  }

  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    this.startGroup(name);
    try {
      return await fn();
    } finally {
      this.endGroup();
    }
  }

  /** Appends Markdown to the job summary (a no-op outside the runner). */
  appendSummary(markdown: string): void {
    const file = this.io.env.GITHUB_STEP_SUMMARY;
    if (!file) return;
    this.io.appendFile(file, this.redact(markdown.endsWith('\n') ? markdown : `${markdown}\n`));
  }
}

function annotation(p: AnnotationProperties): Record<string, string | number | undefined> {
  return { title: p.title, file: p.file, line: p.line, col: p.col };
}
