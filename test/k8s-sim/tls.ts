// The committed test CA and server certificate (made once with openssl, valid for 100 years; see
// README), read from fixtures/ so tests need no openssl at run time.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

export interface TlsMaterial {
  /** PEM of the CA that signed the server certificate: what a kubeconfig's certificate-authority-data holds. */
  caPem: string;
  cert: string;
  key: string;
}

let cached: TlsMaterial | undefined;

export function loadTls(): TlsMaterial {
  cached ??= {
    caPem: readFileSync(path.join(FIXTURES, 'ca.pem'), 'utf8'),
    cert: readFileSync(path.join(FIXTURES, 'server.pem'), 'utf8'),
    key: readFileSync(path.join(FIXTURES, 'server-key.pem'), 'utf8'),
  };
  return cached;
}
