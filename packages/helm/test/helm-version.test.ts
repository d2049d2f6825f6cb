import { execFileSync } from 'node:child_process';
import { parseHelmVersion } from '../src/helm-version';
import { HELM_MAJORS, helmBinary } from '../../../test/helm/binaries';

describe('parseHelmVersion', () => {
  test.each([
    {
      name: 'Helm 3 build info',
      input:
        'version.BuildInfo{Version:"v3.17.3", GitCommit:"e4da49785aa6e6ee2b86efd5dd9e43400318262b", GitTreeState:"clean", GoVersion:"go1.23.7"}\n',
      expected: { major: 3, minor: 17, patch: 3, text: 'v3.17.3' },
    },
    {
      name: 'Helm 4 build info with KubeClientVersion',
      input:
        'version.BuildInfo{Version:"v4.1.4", GitCommit:"05fa37973dc9e42b76e1d2883494c87174b6074f", GitTreeState:"clean", GoVersion:"go1.25.9", KubeClientVersion:"v1.35"}',
      expected: { major: 4, minor: 1, patch: 4, text: 'v4.1.4' },
    },
    {
      name: 'Helm 3 --short',
      input: 'v3.17.3+ge4da497\n',
      expected: { major: 3, minor: 17, patch: 3, text: 'v3.17.3' },
    },
    {
      name: 'Helm 4 --short',
      input: 'v4.1.4+g05fa379',
      expected: { major: 4, minor: 1, patch: 4, text: 'v4.1.4' },
    },
    {
      name: 'a prerelease keeps its suffix',
      input: 'version.BuildInfo{Version:"v4.0.0-rc.1", GitCommit:""}',
      expected: { major: 4, minor: 0, patch: 0, text: 'v4.0.0-rc.1' },
    },
    {
      name: 'Helm 2 client line (refused later by its major)',
      input: 'Client: &version.Version{SemVer:"v2.17.0", GitCommit:"a690bad"}',
      expected: { major: 2, minor: 17, patch: 0, text: 'v2.17.0' },
    },
    { name: 'not helm at all', input: 'bash: helm: command not found', expected: undefined },
    { name: 'empty', input: '', expected: undefined },
  ])('$name', ({ input, expected }) => expect(parseHelmVersion(input)).toEqual(expected));
});

describe('the real binaries', () => {
  test.each(HELM_MAJORS.map((major) => ({ major })))(
    'Helm $major: `helm version` is parsed to the version the layer ships',
    ({ major }) => {
      const bin = helmBinary(major);
      const out = execFileSync(bin.path, ['version'], { encoding: 'utf8' });
      expect(parseHelmVersion(out)).toMatchObject({ major, text: bin.version });
      const short = execFileSync(bin.path, ['version', '--short'], { encoding: 'utf8' });
      expect(parseHelmVersion(short)).toMatchObject({ major, text: bin.version });
    },
  );
});
