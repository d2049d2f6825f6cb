// The deployed application's liveness endpoint. Its answer follows the image the cluster runs:
// a good build answers {"status":"ok"}; a broken one answers 503 with what is wrong with it.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ShopApp {
  /** Where the app answers on this machine (what https://shop.example.com stands for). */
  baseUrl: string;
  /** Requests received, for the demo's own checks. */
  requests: number;
  close(): Promise<void>;
}

/** What a build's liveness endpoint says: undefined when it is healthy, else the problem. */
export type HealthOf = (image: string) => string | undefined;

export async function startShopApp(
  currentImage: () => string,
  problemOf: HealthOf,
): Promise<ShopApp> {
  const app: ShopApp = { baseUrl: '', requests: 0, close: async () => undefined };
  const server = createServer((req, res) => {
    app.requests++;
    if (req.url !== '/v1/health/liveness') {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"status":"not found"}');
      return;
    }
    const image = currentImage();
    const version = image.split(':').at(-1) ?? '';
    const problem = problemOf(image);
    res.writeHead(problem ? 503 : 200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(problem ? { status: problem, version } : { status: 'ok', version }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  app.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  app.close = () => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(() => resolve()));
  };
  return app;
}
