// Runs jest in ESM mode on this Node (>= 24), with Node's VM-modules ExperimentalWarning off in
// jest and in its workers. Arguments are passed through: `npm run jest -- actions/wait-rollout`.
import './require-node.mjs';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const jest = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'node_modules',
  'jest',
  'bin',
  'jest.js',
);
const flags = '--experimental-vm-modules --disable-warning=ExperimentalWarning';
const child = spawn(process.execPath, [jest, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: {
    ...process.env,
    NODE_OPTIONS: [process.env.NODE_OPTIONS, flags].filter(Boolean).join(' '),
  },
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
