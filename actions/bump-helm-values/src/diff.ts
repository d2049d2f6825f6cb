// A unified diff (git's format, 3 lines of context) of two versions of a file, computed with
// Myers' O((N+M)·D) algorithm: the edits are a few lines in files of any length.

type Op = { kind: ' ' | '-' | '+'; line: string; oldNo: number; newNo: number };

interface Lines {
  lines: string[];
  /** The file does not end with a newline (so its last line has none). */
  noFinalNewline: boolean;
}

function splitLines(text: string): Lines {
  if (text === '') return { lines: [], noFinalNewline: false };
  const lines = text.split('\n');
  const noFinalNewline = lines[lines.length - 1] !== '';
  if (!noFinalNewline) lines.pop();
  return { lines, noFinalNewline };
}

/** The shortest edit script from a to b (Myers 1986), as a list of kept, removed and added lines. */
function editScript(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1])
          ? v[offset + k + 1]
          : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  // Walk the trace back from (n, m) to (0, 0).
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[offset + k - 1] < vd[offset + k + 1]) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : vd[offset + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      ops.push({ kind: ' ', line: a[x], oldNo: x, newNo: y });
    }
    if (d > 0) {
      if (x === prevX) ops.push({ kind: '+', line: b[prevY], oldNo: x, newNo: prevY });
      else ops.push({ kind: '-', line: a[prevX], oldNo: prevX, newNo: y });
    }
    x = prevX;
    y = prevY;
  }
  return ops.reverse();
}

function range(start: number, count: number): string {
  if (count === 1) return `${start + 1}`;
  return `${count === 0 ? start : start + 1},${count}`;
}

/** Git-style unified diff; '' when the texts are equal. Carriage returns are not shown. */
export function unifiedDiff(before: string, after: string, name: string, context = 3): string {
  if (before === after) return '';
  const a = splitLines(before);
  const b = splitLines(after);
  const ops = editScript(a.lines, b.lines);
  const show = (op: Op): string[] => {
    const out = [`${op.kind}${op.line.replace(/\r$/, '')}`];
    const lastOld = op.kind !== '+' && op.oldNo === a.lines.length - 1 && a.noFinalNewline;
    const lastNew = op.kind !== '-' && op.newNo === b.lines.length - 1 && b.noFinalNewline;
    if (lastOld || lastNew) out.push('\\ No newline at end of file');
    return out;
  };
  const out = [`--- a/${name}`, `+++ b/${name}`];
  let i = 0;
  while (i < ops.length) {
    if (ops[i].kind === ' ') {
      i++;
      continue;
    }
    // A hunk: from `context` lines before this change to `context` lines after the last change
    // that is at most 2*context lines further.
    const start = Math.max(0, i - context);
    let end = i;
    while (end < ops.length) {
      let j = end;
      while (j < ops.length && ops[j].kind !== ' ') j++;
      let k = j;
      while (k < ops.length && ops[k].kind === ' ') k++;
      if (k < ops.length && k - j <= 2 * context) end = k;
      else {
        end = Math.min(ops.length, j + context);
        break;
      }
    }
    const hunk = ops.slice(start, end);
    const oldStart = hunk[0].oldNo;
    const newStart = hunk[0].newNo;
    const oldCount = hunk.filter((o) => o.kind !== '+').length;
    const newCount = hunk.filter((o) => o.kind !== '-').length;
    out.push(`@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@`);
    for (const op of hunk) out.push(...show(op));
    i = end;
  }
  return out.join('\n') + '\n';
}
