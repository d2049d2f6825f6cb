// Validates a workflow with GitHub's own language service (@actions/languageservice, the engine
// of the official VS Code extension): the workflow schema, every expression and the contexts it
// may read, and the `with:` keys of each step against the action's metadata. Our actions'
// metadata comes from the local actions/<name>/action.yml; a third-party action resolves only at
// the pin this repository uses (test/lint/pins.ts), so a typo or a stray version is an error.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { validate, type ActionsMetadataProvider } from '@actions/languageservice';
import { data, DescriptionDictionary } from '@actions/expressions';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parse as parseYaml } from 'yaml';
import { OUR_REPOSITORY, THIRD_PARTY_PINS } from './pins';

export interface Finding {
  line: number;
  column: number;
  severity: 'error' | 'warning';
  message: string;
}

interface ActionYml {
  name: string;
  description: string;
  inputs?: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs?: Record<string, { description: string }>;
}

function readActionYml(root: string, dir: string): ActionYml | undefined {
  const file = path.join(root, dir, 'action.yml');
  if (!existsSync(file)) return undefined;
  const meta = parseYaml(readFileSync(file, 'utf8')) as ActionYml;
  // The service compares defaults with `=== undefined`; YAML booleans and numbers count as given.
  for (const spec of Object.values(meta.inputs ?? {}))
    if (spec.default !== undefined) spec.default = String(spec.default);
  return meta;
}

/** Metadata of `owner/name[/path]@ref`: ours from disk, third-party only at our pin (without inputs: not ours to know). */
export function metadataProvider(root: string): ActionsMetadataProvider {
  return {
    async fetchActionMetadata(ref) {
      const repo = `${ref.owner}/${ref.name}`;
      if (repo === OUR_REPOSITORY)
        return ref.path?.startsWith('actions/') ? readActionYml(root, ref.path) : undefined;
      const pin = THIRD_PARTY_PINS[ref.path ? `${repo}/${ref.path}` : repo];
      return pin && pin.sha === ref.ref ? { name: repo, description: repo } : undefined;
    },
  };
}

/** Output names of our action a `uses:` points at (local `./actions/x` or `acme/cicd-actions/actions/x@…`). */
function ourOutputs(root: string, uses: string): string[] | undefined {
  const local = /^[.$]\/(actions\/[a-z0-9-]+)\/?$/.exec(uses);
  const remote = new RegExp(`^${OUR_REPOSITORY}/(actions/[a-z0-9-]+)@`).exec(uses);
  const dir = local?.[1] ?? remote?.[1];
  const meta = dir ? readActionYml(root, dir) : undefined;
  return meta && Object.keys(meta.outputs ?? {});
}

/**
 * Validates `text` (a workflow file). Local actions (`./actions/x`) are read as the
 * self-repository form `$/actions/x`, which the service resolves through its file provider:
 * same length, so every reported position is still the file's own.
 */
export async function validateWorkflow(
  root: string,
  file: string,
  text: string,
): Promise<Finding[]> {
  const adapted = text.replace(/^(\s*(?:-\s+)?uses:\s*['"]?)\.\/actions\//gm, '$1$/actions/');
  const doc = TextDocument.create(`file:///repo/${file}`, 'yaml', 1, adapted);
  const diagnostics = await validate(doc, {
    actionsMetadataProvider: metadataProvider(root),
    fileProvider: {
      async getFileContent(ref) {
        const target = path.join(root, ref.path);
        if (!('path' in ref) || 'repository' in ref || !existsSync(target))
          throw new Error(`no file ${JSON.stringify(ref)}`);
        return { name: ref.path, content: readFileSync(target, 'utf8') };
      },
    },
    contextProviderConfig: {
      // steps.<id>.outputs of our actions is a closed set: the outputs their action.yml declares.
      async getContext(name, defaultContext, workflowContext) {
        if (name !== 'steps' || !defaultContext || !workflowContext.job) return undefined;
        const steps = new DescriptionDictionary();
        for (const pair of defaultContext.pairs()) {
          const step = workflowContext.job.steps.find((s) => s.id === pair.key);
          const uses = step && 'uses' in step ? step.uses.value : '';
          const outputs = ourOutputs(root, uses);
          if (!outputs) {
            steps.add(pair.key, pair.value, pair.description);
            continue;
          }
          const entry = new DescriptionDictionary();
          const declared = new DescriptionDictionary();
          for (const output of outputs) declared.add(output, new data.StringData(''));
          entry.add('outputs', declared);
          entry.add('conclusion', new data.Null());
          entry.add('outcome', new data.Null());
          steps.add(pair.key, entry, pair.description);
        }
        return steps;
      },
    },
  });
  return diagnostics
    .filter((d) => d.severity === undefined || d.severity <= 2)
    .map((d) => ({
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      severity: d.severity === 2 ? ('warning' as const) : ('error' as const),
      message: typeof d.message === 'string' ? d.message : d.message.value,
    }));
}
