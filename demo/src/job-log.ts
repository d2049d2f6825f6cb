// Turns a step's raw stdout (text plus workflow commands) into what the runner's log viewer shows:
// ::group:: folds, annotations as "Error:"/"Warning:" lines, ::add-mask:: lines removed and every
// registered secret replaced by *** from then on, ::debug:: hidden unless debugging.

export type LogLine =
  | { kind: 'text'; text: string; depth: number }
  | { kind: 'group'; title: string; depth: number }
  | { kind: 'endgroup'; depth: number }
  | {
      kind: 'annotation';
      level: 'error' | 'warning' | 'notice';
      text: string;
      title?: string;
      depth: number;
    }
  | { kind: 'debug'; text: string; depth: number };

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
  title?: string;
}

/** Job-wide mask list: the runner masks a registered secret in every later line of every step. */
export class MaskSet {
  private readonly values = new Set<string>();

  add(value: string): void {
    for (const part of [value, ...value.split(/\r?\n/)]) {
      const v = part.trim();
      if (v.length >= 3) this.values.add(v);
    }
  }

  apply(text: string): string {
    let out = text;
    for (const v of [...this.values].sort((a, b) => b.length - a.length))
      out = out.split(v).join('***');
    return out;
  }
}

function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function unescapeProperty(s: string): string {
  return unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',');
}

const COMMAND = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/;

/** Parses stdout into display lines; masks found on the way are added to `masks`. */
export function parseStepLog(stdout: string, masks: MaskSet): LogLine[] {
  const lines: LogLine[] = [];
  let depth = 0;
  const raw = stdout.split(/\r?\n/);
  if (raw.at(-1) === '') raw.pop();
  for (const line of raw) {
    const m = COMMAND.exec(line);
    if (!m) {
      lines.push({ kind: 'text', text: masks.apply(line), depth });
      continue;
    }
    const [, command, props = '', data] = m;
    const message = unescapeData(data);
    switch (command) {
      case 'add-mask':
        masks.add(message);
        break;
      case 'group':
        lines.push({ kind: 'group', title: masks.apply(message), depth });
        depth = 1;
        break;
      case 'endgroup':
        depth = 0;
        lines.push({ kind: 'endgroup', depth });
        break;
      case 'error':
      case 'warning':
      case 'notice': {
        const title = /(?:^|,)title=([^,]*)/.exec(props)?.[1];
        lines.push({
          kind: 'annotation',
          level: command,
          text: masks.apply(message),
          title: title ? masks.apply(unescapeProperty(title)) : undefined,
          depth,
        });
        break;
      }
      case 'debug':
        lines.push({ kind: 'debug', text: masks.apply(message), depth });
        break;
      default:
        // set-output, save-state, echo, stop-commands…: protocol, not log text.
        break;
    }
  }
  return lines;
}

export function annotationsOf(lines: LogLine[]): Annotation[] {
  return lines.flatMap((l) =>
    l.kind === 'annotation' ? [{ level: l.level, message: l.text, title: l.title }] : [],
  );
}

const LABEL = { error: 'Error', warning: 'Warning', notice: 'Notice' } as const;

export interface TerminalStyle {
  dim(s: string): string;
  bold(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
  green(s: string): string;
}

const ansi = (code: number) => (s: string) => `\u001b[${code}m${s}\u001b[0m`;
export const colourStyle: TerminalStyle = {
  dim: ansi(2),
  bold: ansi(1),
  red: ansi(31),
  yellow: ansi(33),
  cyan: ansi(36),
  green: ansi(32),
};
const plain = (s: string) => s;
export const plainStyle: TerminalStyle = {
  dim: plain,
  bold: plain,
  red: plain,
  yellow: plain,
  cyan: plain,
  green: plain,
};

/** Lines as a terminal shows them: group titles with a fold marker, their content indented. */
export function renderLogText(lines: LogLine[], style: TerminalStyle, showDebug = false): string[] {
  const out: string[] = [];
  for (const l of lines) {
    const indent = '  '.repeat(l.depth);
    switch (l.kind) {
      case 'text':
        out.push(indent + l.text);
        break;
      case 'group':
        out.push(style.cyan(`▾ ${l.title}`));
        break;
      case 'endgroup':
        break;
      case 'annotation': {
        const colour =
          l.level === 'error' ? style.red : l.level === 'warning' ? style.yellow : style.cyan;
        out.push(indent + colour(`${LABEL[l.level]}: ${l.title ? `${l.title}: ` : ''}${l.text}`));
        break;
      }
      case 'debug':
        if (showDebug) out.push(indent + style.dim(`##[debug]${l.text}`));
        break;
    }
  }
  return out;
}
