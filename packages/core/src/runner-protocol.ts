// The runner protocol written byte for byte as @actions/core writes it, but to an injected
// RunnerIO instead of process.stdout and real files. Unit tests run the actions' logic against it;
// packages/core/test/toolkit-conformance.test.ts runs one table of values through this and through
// @actions/core and compares the bytes. Production never uses it: the default backend is the
// toolkit itself (runner.ts).
import { EOL } from 'node:os';
import type { AnnotationProperties, Env, RunnerBackend } from './runner';

/** Where the in-memory protocol writes: stdout for workflow commands, files for file commands. */
export interface RunnerIO {
  env: Env;
  write(text: string): void;
  appendFile(path: string, text: string): void;
}

/** INPUT_<NAME>: spaces to underscores, upper-cased, hyphens kept, as the runner sets it. */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * `::command k=v,k2=v2::message` + EOL, escaped as the toolkit escapes it. As in the toolkit, a
 * properties object with keys adds the space even when every value is empty (`::error ::x`), and
 * falsy values (undefined, '', 0) are left out.
 */
export function formatCommand(
  command: string,
  message: string,
  props: Record<string, string | number | undefined> = {},
): string {
  const parts = Object.entries(props)
    .filter(([, v]) => Boolean(v))
    .map(([k, v]) => `${k}=${escapeProperty(typeof v === 'string' ? v : JSON.stringify(v))}`);
  const head = Object.keys(props).length ? `::${command} ${parts.join(',')}::` : `::${command}::`;
  return `${head}${escapeData(message)}${EOL}`;
}

/** A key/value in the heredoc form that file commands accept for any value. */
export function formatFileCommand(key: string, value: string): string {
  const fresh = () =>
    `ghadelimiter_${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
  let delimiter = fresh();
  while (key.includes(delimiter) || value.includes(delimiter)) delimiter = fresh();
  return `${key}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`;
}

/** The toolkit's command properties for an annotation (none at all when none were given). */
export function annotationProperties(
  p: AnnotationProperties,
): Record<string, string | number | undefined> {
  if (!Object.keys(p).length) return {};
  return {
    title: p.title,
    file: p.file,
    line: p.line,
    endLine: p.endLine,
    col: p.col,
    endColumn: p.endColumn,
  };
}

/** The protocol over a RunnerIO, command for command what @actions/core emits. */
export function protocolBackend(io: RunnerIO): RunnerBackend {
  const fileCommand = (fileVar: string, legacy: string, key: string, value: string) => {
    const file = io.env[fileVar];
    if (file) io.appendFile(file, formatFileCommand(key, value));
    else {
      io.write(EOL);
      io.write(formatCommand(legacy, value, { name: key }));
    }
  };
  const legacyNoNewline = (fileVar: string, legacy: string, key: string, value: string) => {
    const file = io.env[fileVar];
    if (file) io.appendFile(file, formatFileCommand(key, value));
    else io.write(formatCommand(legacy, value, { name: key }));
  };
  return {
    env: io.env,
    getInput: (name) => io.env[inputEnvName(name)] ?? '',
    // The toolkit writes a blank line before a legacy set-output command, not before save-state.
    setOutput: (name, value) => fileCommand('GITHUB_OUTPUT', 'set-output', name, value),
    saveState: (name, value) => legacyNoNewline('GITHUB_STATE', 'save-state', name, value),
    getState: (name) => io.env[`STATE_${name}`] ?? '',
    exportVariable: (name, value) => {
      io.env[name] = value;
      legacyNoNewline('GITHUB_ENV', 'set-env', name, value);
    },
    setSecret: (value) => io.write(formatCommand('add-mask', value)),
    info: (message) => io.write(`${message}${EOL}`),
    debug: (message) => io.write(formatCommand('debug', message)),
    notice: (message, props) =>
      io.write(formatCommand('notice', message, annotationProperties(props))),
    warning: (message, props) =>
      io.write(formatCommand('warning', message, annotationProperties(props))),
    error: (message, props) =>
      io.write(formatCommand('error', message, annotationProperties(props))),
    startGroup: (name) => io.write(formatCommand('group', name)),
    endGroup: () => io.write(formatCommand('endgroup', '')),
    appendSummary: (markdown) => {
      const file = io.env.GITHUB_STEP_SUMMARY;
      if (file) io.appendFile(file, markdown);
    },
  };
}
