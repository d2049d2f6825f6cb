// The deployed application's liveness endpoint. Its answer follows the image the cluster runs:
// a good build answers {"status":"ok"}; the broken build (the one that crash-loops) cannot serve.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ShopApp {
  healthUrl: string;
  /** Requests received, for the demo's own checks. */
  requests: number;
  close(): Promise<void>;
}

export async function startShopApp(
  currentImage: () => Promise<string>,
  isBroken: (image: string) => boolean,
): Promise<ShopApp> {
  const app: ShopApp = { healthUrl: '', requests: 0, close: async () => undefined };
  const server = createServer(async (req, res) => {
    app.requests++;
    if (req.url !== '/v1/health/liveness') {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"status":"not found"}');
      return;
    }
    let image: string;
    try {
      image = await currentImage();
    } catch (err) {
      res
        .writeHead(503, { 'content-type': 'application/json' })
        .end(JSON.stringify({ status: 'unavailable', error: String(err) }));
      return;
    }
    const version = image.split(':').at(-1) ?? '';
    const broken = isBroken(image);
    res.writeHead(broken ? 503 : 200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: broken ? 'crash-looping' : 'ok', version }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  app.healthUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/health/liveness`;
  app.close = () => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(() => resolve()));
  };
  return app;
}
