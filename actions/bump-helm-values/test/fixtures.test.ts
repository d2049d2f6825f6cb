// Each fixtures/<case>/ holds input.yaml, changes.txt and expected.yaml written by hand from the
// input: the edited file must equal expected.yaml byte for byte.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { editYaml } from '../src/edit';
import { parseChangeLines } from '../src/changes';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const cases = readdirSync(dir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

test('there are fixture cases', () => {
  expect(cases.length).toBeGreaterThanOrEqual(10);
});

test.each(cases)('%s', (name) => {
  const read = (f: string) => readFileSync(path.join(dir, name, f), 'utf8');
  const options = existsSync(path.join(dir, name, 'options.json'))
    ? JSON.parse(read('options.json'))
    : {};
  const valueType = options.valueType ?? 'auto';
  const input = read('input.yaml');
  const result = editYaml(input, parseChangeLines(read('changes.txt'), valueType), {
    valueType,
    createMissing: options.createMissing ?? false,
  });
  expect(result.text).toBe(read('expected.yaml'));
  expect(result.changed).toBe(true);
});
