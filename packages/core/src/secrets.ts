import type { Runner } from './runner';

const SENSITIVE_HEADER =
  /^(authorization|proxy-authorization|cookie|set-cookie)$|token|secret|api[-_]?key|password|auth|session|signature/i;

/** Whether a header's value carries a credential and must be masked. */
export function isSensitiveHeader(name: string): boolean {
  return SENSITIVE_HEADER.test(name.trim());
}

/** Masks the credential-carrying values of headers; for `Bearer x`/`Basic x`, the token too. */
export function maskHeaders(runner: Runner, headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) {
    if (!isSensitiveHeader(name)) continue;
    runner.setSecret(value);
    const scheme = /^\s*\S+\s+(\S+)\s*$/.exec(value);
    if (scheme) runner.setSecret(scheme[1]);
  }
}

/** Masks a URL and the parts of it that identify a secret (userinfo, path, query). */
export function maskUrl(runner: Runner, url: string): void {
  runner.setSecret(url);
  try {
    const u = new URL(url);
    // The password, and user:password as a whole — never the user name alone, which would blank
    // an ordinary word ("user", "deploy") in the whole log.
    if (u.password) {
      runner.setSecret(decodeURIComponent(u.password));
      runner.setSecret(`${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}`);
    } else if (u.username) runner.setSecret(decodeURIComponent(u.username));
    if (u.pathname.length > 1) runner.setSecret(u.pathname);
    if (u.search) runner.setSecret(u.search);
  } catch {
    // An unparseable URL is masked whole above.
  }
}

const SECRET_WORDS =
  /TOKEN|SECRET|PASSW|CREDENTIAL|PRIVATE.?KEY|API.?KEY|SIGNATURE|COOKIE|AUTHORIZATION/;
const SECRET_SEGMENTS = new Set(['KEY', 'AUTH', 'PASS', 'PWD', 'SESSION', 'CREDS', 'SAS', 'OTP']);

/**
 * Whether a name (an environment variable, a header, a flag) says its value is a secret:
 * `AWS_SECRET_ACCESS_KEY`, `GITHUB_TOKEN`, `DB_PASSWORD`, `X-Api-Key` — but not `AWS_PROFILE`,
 * `AWS_REGION` or `GIT_AUTHOR_NAME`, whose values are ordinary words that masking would blank
 * everywhere in the log.
 */
export function isSecretName(name: string): boolean {
  const upper = name.toUpperCase();
  if (SECRET_WORDS.test(upper)) return true;
  return upper.split(/[^A-Z0-9]+/).some((segment) => SECRET_SEGMENTS.has(segment));
}

/**
 * Redacts, then cuts to `max` characters: a cut must never come first, or a secret cut in half
 * (the part the masker no longer recognises) would survive.
 */
export function redactThenCut(text: string, redact: (t: string) => string, max: number): string {
  const clean = redact(text);
  if (clean.length <= max) return clean;
  return `${[...clean].slice(0, max).join('')}…`;
}

// Credentials recognisable by their shape, blanked even when nobody registered them: what a
// child (helm running its own exec plugin, reading a tokenFile) or a server echoing our request
// puts in an error line. The token must contain a digit or a lower-to-upper case change (as
// base64 and random tokens do), so prose ("Basic Authentication", "a Bearer token") stays.
const CREDENTIAL_SHAPES: Array<[RegExp, string]> = [
  // `Authorization: Bearer x`, `"authorization":"Basic x"`, `Proxy-Authorization: Basic x`
  [
    /\b([Bb][Ee][Aa][Rr][Ee][Rr]|[Bb][Aa][Ss][Ii][Cc])(\s+)(?=[A-Za-z0-9._~+/-]*(?:\d|[a-z][A-Z]))[A-Za-z0-9._~+/-]{8,}=*/g,
    '$1$2***',
  ],
  // GitHub tokens (ghp_, gho_, ghu_, ghs_, ghr_, github_pat_) and Slack tokens (xoxb-, xoxp-, …)
  [/\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})/g, '***'],
  [/\bxox[abposr]-[A-Za-z0-9-]{10,}/g, '***'],
];

/** Blanks credentials recognisable by their shape (Bearer/Basic values, GitHub and Slack tokens). */
export function scrubCredentials(text: string): string {
  let out = text;
  for (const [shape, replacement] of CREDENTIAL_SHAPES) out = out.replace(shape, replacement);
  return out;
}
