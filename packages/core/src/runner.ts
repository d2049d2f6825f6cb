// The GitHub runner's protocol for JavaScript actions (inputs, outputs, state, env, masking,
// groups, annotations, summary) goes through @actions/core. The Runner adds what every action of
// ours needs on top: one redaction path for everything we print or write, masks registered in a
// way that does not blank YAML structure, and summary writes that are awaited before exit.
import * as core from '@actions/core';
import { protocolBackend, type RunnerIO } from './runner-protocol';
import { scrubCredentials } from './secrets';

export { formatCommand, formatFileCommand, inputEnvName, type RunnerIO } from './runner-protocol';

export type Env = Record<string, string | undefined>;

export interface AnnotationProperties {
  title?: string;
  file?: string;
  line?: number;
  endLine?: number;
  col?: number;
  endColumn?: number;
}

/** The protocol operations; production uses @actions/core, unit tests an in-memory double. */
export interface RunnerBackend {
  env: Env;
  /** The input's raw value ('' when unset), untrimmed. */
  getInput(name: string): string;
  setOutput(name: string, value: string): void;
  saveState(name: string, value: string): void;
  getState(name: string): string;
  exportVariable(name: string, value: string): void;
  setSecret(value: string): void;
  info(message: string): void;
  debug(message: string): void;
  notice(message: string, props: AnnotationProperties): void;
  warning(message: string, props: AnnotationProperties): void;
  error(message: string, props: AnnotationProperties): void;
  startGroup(name: string): void;
  endGroup(): void;
  /** Sync backends (the in-memory double) return nothing; the toolkit's write is async. */
  appendSummary(markdown: string): void | Promise<void>;
}

function toolkitProps(p: AnnotationProperties): core.AnnotationProperties {
  if (!Object.keys(p).length) return {};
  return {
    title: p.title,
    file: p.file,
    startLine: p.line,
    endLine: p.endLine,
    startColumn: p.col,
    endColumn: p.endColumn,
  };
}

/** @actions/core, over process.env, process.stdout and the runner's files. */
export function toolkitBackend(): RunnerBackend {
  return {
    env: process.env,
    getInput: (name) => core.getInput(name, { trimWhitespace: false }),
    setOutput: (name, value) => core.setOutput(name, value),
    saveState: (name, value) => core.saveState(name, value),
    getState: (name) => core.getState(name),
    exportVariable: (name, value) => core.exportVariable(name, value),
    setSecret: (value) => core.setSecret(value),
    info: (message) => core.info(message),
    debug: (message) => core.debug(message),
    notice: (message, props) => core.notice(message, toolkitProps(props)),
    warning: (message, props) => core.warning(message, toolkitProps(props)),
    error: (message, props) => core.error(message, toolkitProps(props)),
    startGroup: (name) => core.startGroup(name),
    endGroup: () => core.endGroup(),
    // Outside the runner (no GITHUB_STEP_SUMMARY) there is no summary: core.summary would throw.
    appendSummary: async (markdown) => {
      if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown).write();
    },
  };
}

// 8+ characters without spaces that are not a YAML key (`users:`): a line of key material.
const KEY_MATERIAL_LINE = /^\S{7,}[^\s:]$/;

export class Runner {
  private readonly secrets = new Set<string>();
  private readonly backend: RunnerBackend;
  private summaryWrites: Promise<void> = Promise.resolve();
  private pendingSummaries = 0;
  private summaryAppends = 0;

  /** No argument: the real runner through @actions/core. A RunnerIO: the in-memory protocol (tests). */
  constructor(io?: RunnerIO | RunnerBackend) {
    if (!io) this.backend = toolkitBackend();
    else this.backend = 'getInput' in io ? io : protocolBackend(io);
  }

  get env(): Env {
    return this.backend.env;
  }

  /** The raw input string ('' when unset); surrounding whitespace trimmed. */
  input(name: string): string {
    return this.backend.getInput(name).trim();
  }

  /** The input exactly as the workflow gave it (free text: bodies, messages, kubeconfigs). */
  rawInput(name: string): string {
    return this.backend.getInput(name);
  }

  /** True when the workflow (or action.yml default) gave the input a non-empty value. */
  hasInput(name: string): boolean {
    return this.input(name) !== '';
  }

  isDebug(): boolean {
    return this.env.RUNNER_DEBUG === '1';
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
      this.backend.setSecret(part);
    }
  }

  /**
   * Replaces every registered secret in a text, for messages we build ourselves (summaries,
   * outputs), and blanks credentials recognisable by their shape (`Bearer …`, GitHub and Slack
   * tokens) that no one registered — e.g. a token helm's own exec plugin got, echoed by a server.
   */
  redact(text: string): string {
    let out = text;
    const sorted = [...this.secrets].sort((a, b) => b.length - a.length);
    for (const s of sorted) out = out.split(s).join('***');
    return scrubCredentials(out);
  }

  setOutput(name: string, value: string | number | boolean): void {
    this.backend.setOutput(name, String(value));
  }

  saveState(name: string, value: string): void {
    this.backend.saveState(name, value);
  }

  getState(name: string): string {
    return this.backend.getState(name);
  }

  exportVariable(name: string, value: string): void {
    this.backend.exportVariable(name, value);
  }

  info(message: string): void {
    this.backend.info(scrubCredentials(message));
  }

  debug(message: string): void {
    this.backend.debug(scrubCredentials(message));
  }

  notice(message: string, props: AnnotationProperties = {}): void {
    this.backend.notice(scrubCredentials(message), props);
  }

  warning(message: string, props: AnnotationProperties = {}): void {
    this.backend.warning(scrubCredentials(message), props);
  }

  error(message: string, props: AnnotationProperties = {}): void {
    this.backend.error(scrubCredentials(message), props);
  }

  startGroup(name: string): void {
    this.backend.startGroup(name);
  }

  endGroup(): void {
    this.backend.endGroup();
  }

  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    this.startGroup(name);
    try {
      return await fn();
    } finally {
      this.endGroup();
    }
  }

  /**
   * Appends Markdown to the job summary (a no-op outside the runner), redacted. Writes are queued
   * in order; runAction awaits `flush()` before the process ends.
   */
  appendSummary(markdown: string): void {
    this.summaryAppends++;
    const text = this.redact(markdown.endsWith('\n') ? markdown : `${markdown}\n`);
    const write = () => this.backend.appendSummary(text);
    if (this.pendingSummaries > 0) return this.trackSummary(this.summaryWrites.then(write));
    try {
      const pending = write();
      if (pending) this.trackSummary(pending);
    } catch (err) {
      this.summaryFailed(err);
    }
  }

  private trackSummary(write: Promise<void>): void {
    this.pendingSummaries++;
    this.summaryWrites = write
      .catch((err: unknown) => this.summaryFailed(err))
      .finally(() => void this.pendingSummaries--);
  }

  private summaryFailed(err: unknown): void {
    this.warning(
      `could not write the job summary: ${err instanceof Error ? err.message : String(err)}`,
    );
  }

  /** How many times appendSummary was called (runAction: did main report after a cancel?). */
  get summaryCount(): number {
    return this.summaryAppends;
  }

  /** Resolves once every queued summary write is done. */
  flush(): Promise<void> {
    return this.summaryWrites;
  }
}
