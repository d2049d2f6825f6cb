// The one org name and the one set of pins every document uses: README, catalog, per-action
// READMEs, examples and this repository's workflows. The docs-consistency test holds them to it.

/** Where the suite is published; every `uses:` of our actions and every link to it names this. */
export const OUR_REPOSITORY = 'acme/cicd-actions';
export const OUR_ORG = OUR_REPOSITORY.split('/')[0];

/**
 * How our actions are pinned in the docs until the first release exists: the placeholder the
 * README tells users to replace with the release's full commit SHA, and that release's version.
 * When v1.0.0 is released, put its commit SHA here and in the docs (the test says where).
 */
export const OUR_PIN = { ref: '<full-commit-sha>', version: 'v1.0.0' };

/**
 * Third-party actions: full commit SHA of the release named in the comment. Each was read from
 * the action repository's own tag (`git rev-parse <tag>^{commit}`), never typed from memory;
 * Dependabot proposes updates, and an update changes this table and every file in one commit.
 */
export const THIRD_PARTY_PINS: Record<string, { sha: string; version: string }> = {
  'actions/attest-build-provenance': {
    sha: 'a2bbfa25375fe432b6a289bc6b6cd05ecd0c4c32',
    version: 'v4.1.0',
  },
  'actions/checkout': { sha: '3d3c42e5aac5ba805825da76410c181273ba90b1', version: 'v7.0.1' },
  'actions/create-github-app-token': {
    sha: '1b10c78c7865c340bc4f6099eb2f838309f1e8c3',
    version: 'v3.1.1',
  },
  'actions/setup-node': { sha: '820762786026740c76f36085b0efc47a31fe5020', version: 'v7.0.0' },
  'actions/upload-artifact': {
    sha: 'bbbca2ddaa5d8feaa63e36b76fdaad77386f024f',
    version: 'v7.0.0',
  },
  'azure/setup-helm': { sha: '9bc31f4ebc9c6b171d7bfbaa5d006ae7abdb4310', version: 'v5.0.1' },
  'docker/build-push-action': {
    sha: '53b7df96c91f9c12dcc8a07bcb9ccacbed38856a',
    version: 'v7.3.0',
  },
  'docker/login-action': { sha: '4907a6ddec9925e35a0a9e82d7399ccc52663121', version: 'v4.1.0' },
  'docker/metadata-action': {
    sha: 'dc802804100637a589fabce1cb79ff13a1411302',
    version: 'v6.2.0',
  },
  'docker/setup-buildx-action': {
    sha: '37fe631027851001ddb9b187196cc803df7f5f0e',
    version: 'v4.3.0',
  },
  'helm/kind-action': { sha: 'ef37e7f390d99f746eb8b610417061a60e82a6cc', version: 'v1.14.0' },
};

/** The `uses:` value and comment a document must show for an action (`owner/repo[/path]`). */
export function expectedPin(action: string): { ref: string; version: string } | undefined {
  if (action.startsWith(`${OUR_REPOSITORY}/actions/`)) return OUR_PIN;
  const pin = THIRD_PARTY_PINS[action];
  return pin && { ref: pin.sha, version: pin.version };
}
