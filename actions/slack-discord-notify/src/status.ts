// Where a deploy stands, and how each state looks on both platforms.

export const STATUSES = [
  'started',
  'success',
  'failure',
  'cancelled',
  'rolled-back',
  'warning',
  'info',
] as const;
export type Status = (typeof STATUSES)[number];

// `${{ job.status }}` gives success/failure/cancelled; the rest are spellings people type.
const ALIASES: Record<string, Status> = {
  start: 'started',
  starting: 'started',
  'in-progress': 'started',
  succeeded: 'success',
  successful: 'success',
  failed: 'failure',
  error: 'failure',
  canceled: 'cancelled',
  rollback: 'rolled-back',
  rolled_back: 'rolled-back',
  rolledback: 'rolled-back',
  warn: 'warning',
};

/** The status an input names (case-insensitive, aliases allowed), or undefined. */
export function parseStatus(text: string): Status | undefined {
  const s = text.trim().toLowerCase();
  if ((STATUSES as readonly string[]).includes(s)) return s as Status;
  return ALIASES[s];
}

export interface StatusStyle {
  /** Colour as 0xRRGGBB. */
  color: number;
  emoji: string;
  /** Completes "Deployment …". */
  verb: string;
}

export const STATUS_STYLE: Record<Status, StatusStyle> = {
  started: { color: 0x1d9bd1, emoji: '🚀', verb: 'started' },
  success: { color: 0x2eb67d, emoji: '✅', verb: 'succeeded' },
  failure: { color: 0xe01e5a, emoji: '❌', verb: 'failed' },
  cancelled: { color: 0x868e96, emoji: '⏹️', verb: 'was cancelled' },
  'rolled-back': { color: 0xe8710a, emoji: '↩️', verb: 'failed and was rolled back' },
  warning: { color: 0xecb22e, emoji: '⚠️', verb: 'needs attention' },
  info: { color: 0x5865f2, emoji: 'ℹ️', verb: 'update' },
};

/** `#RRGGBB` for Slack attachments. */
export function hexColor(color: number): string {
  return `#${color.toString(16).padStart(6, '0').toUpperCase()}`;
}

/** The default title: "Deployment of v1.2.3 to production succeeded". */
export function defaultTitle(status: Status, environment: string, version: string): string {
  const what = [
    'Deployment',
    version ? `of ${version}` : '',
    environment ? `to ${environment}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return status === 'info' ? `${what}: update` : `${what} ${STATUS_STYLE[status].verb}`;
}
