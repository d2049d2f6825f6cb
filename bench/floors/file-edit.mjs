// Floor for bump-helm-values: read the values file, set one scalar by text, write it back.
import { readFileSync, writeFileSync } from 'node:fs';

const file = process.env.BENCH_FILE;
const text = readFileSync(file, 'utf8');
const edited = text.replace(/^(\s+tag:\s*)\S+/m, `$1${process.env.BENCH_VALUE}`);
writeFileSync(file, edited);
