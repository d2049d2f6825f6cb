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
    if (u.password) runner.setSecret(decodeURIComponent(u.password));
    if (u.username && u.password) runner.setSecret(decodeURIComponent(u.username));
    if (u.pathname.length > 1) runner.setSecret(u.pathname);
    if (u.search) runner.setSecret(u.search);
  } catch {
    // An unparseable URL is masked whole above.
  }
}
