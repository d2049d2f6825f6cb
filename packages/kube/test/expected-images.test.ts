import { imageRepository, missingImages, parseExpectedImage } from '../src/expected-images';

const workload = (...containers: Array<[string, string]>) => ({
  spec: {
    template: { spec: { containers: containers.map(([name, image]) => ({ name, image })) } },
  },
});

describe('imageRepository', () => {
  test.each([
    ['ghcr.io/acme/api:1.2.3', 'ghcr.io/acme/api'],
    ['ghcr.io/acme/api@sha256:abc', 'ghcr.io/acme/api'],
    ['ghcr.io/acme/api:1.2.3@sha256:abc', 'ghcr.io/acme/api'],
    ['registry.local:5000/api:2', 'registry.local:5000/api'],
    ['registry.local:5000/api', 'registry.local:5000/api'],
    ['nginx', 'nginx'],
  ])('%s → %s', (image, repo) => expect(imageRepository(image)).toBe(repo));
});

describe('parseExpectedImage', () => {
  test('container=image and bare images', () => {
    expect(parseExpectedImage('app=ghcr.io/acme/api:1.2.3')).toEqual({
      ok: true,
      value: { container: 'app', image: 'ghcr.io/acme/api:1.2.3' },
    });
    expect(parseExpectedImage(' ghcr.io/acme/api:1.2.3 ')).toEqual({
      ok: true,
      value: { image: 'ghcr.io/acme/api:1.2.3' },
    });
  });
  test.each(['App=x:1', '=x:1', 'app=', 'ghcr.io/acme/api:', 'two words:1', 'https://x/y:1'])(
    'rejects %s',
    (text) => expect(parseExpectedImage(text).ok).toBe(false),
  );
});

describe('missingImages', () => {
  test('a container named: exactly that image', () => {
    const w = workload(['app', 'ghcr.io/acme/api:1.2.2'], ['proxy', 'envoy:1.30']);
    expect(missingImages(w, [{ container: 'app', image: 'ghcr.io/acme/api:1.2.3' }])).toEqual([
      'app=ghcr.io/acme/api:1.2.3 (it has ghcr.io/acme/api:1.2.2)',
    ]);
    expect(missingImages(w, [{ container: 'app', image: 'ghcr.io/acme/api:1.2.2' }])).toEqual([]);
    expect(missingImages(w, [{ container: 'web', image: 'x:1' }])).toEqual([
      'web=x:1 (no such container yet)',
    ]);
  });
  test('a bare image: every container of its repository carries it', () => {
    const w = workload(['app', 'ghcr.io/acme/api:1.2.2'], ['proxy', 'envoy:1.30']);
    expect(missingImages(w, [{ image: 'ghcr.io/acme/api:1.2.3' }])).toEqual([
      'ghcr.io/acme/api:1.2.3 (it has ghcr.io/acme/api:1.2.2)',
    ]);
    expect(
      missingImages(w, [{ image: 'ghcr.io/acme/api:1.2.2' }, { image: 'envoy:1.30' }]),
    ).toEqual([]);
    expect(missingImages(w, [{ image: 'ghcr.io/acme/worker:1' }])).toEqual([
      'ghcr.io/acme/worker:1 (no container runs ghcr.io/acme/worker yet)',
    ]);
  });
});
