// Prints the CHANGELOG.md section of one release (its body, without the heading) for the release
// notes; exits 1 with a one-line error when the changelog has no section for that version, so a
// tag cannot be released without notes. Usage: node .github/scripts/changelog-section.mjs 1.2.3 [file]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The body of `## [version] …` up to the next `## ` heading or link definitions; undefined if absent. */
export function changelogSection(text, version) {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const escaped = version.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const heading = new RegExp(`^## \\[${escaped}\\](?:\\s|$)`);
  const start = lines.findIndex((l) => heading.test(l));
  if (start < 0) return undefined;
  const body = [];
  for (const line of lines.slice(start + 1)) {
    if (/^## /.test(line) || /^\[[^\]]+\]:\s/.test(line)) break;
    body.push(line);
  }
  return body.join('\n').trim();
}

const isMain =
  !!process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  const [version, file = 'CHANGELOG.md'] = process.argv.slice(2);
  if (!version || !/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/.test(version)) {
    console.error(`::error::usage: changelog-section.mjs X.Y.Z [file] (got '${version ?? ''}')`);
    process.exit(1);
  }
  const section = changelogSection(readFileSync(file, 'utf8'), version);
  if (!section) {
    console.error(
      `::error::${file} has no non-empty '## [${version}]' section: add one before tagging v${version}`,
    );
    process.exit(1);
  }
  process.stdout.write(`${section}\n`);
}
