/**
 * A recording HTTP proxy for the browsers under test: every request the
 * browser makes, from any context, passes through it and is written down.
 * Requests to the fixture server are forwarded to it; anything else (another
 * host, an https CONNECT, a WebSocket upgrade) is refused, so a test never
 * reaches the internet even when the extension tries to.
 */
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { TestServer } from './harness';

export interface ProxiedRequest {
  /** an absolute URL, or `CONNECT host:port` for https */
  url: string;
  /** who asked, as far as the browser says (an extension's own requests carry its origin) */
  origin?: string;
  referer?: string;
}

export interface RecordingProxy {
  port: number;
  /** what the browser asked for, in order */
  requests: ProxiedRequest[];
  close(): Promise<void>;
}

export async function startRecordingProxy(upstream: TestServer): Promise<RecordingProxy> {
  const requests: ProxiedRequest[] = [];
  const record = (req: IncomingMessage, url: string) =>
    requests.push({ url, origin: req.headers.origin, referer: req.headers.referer });
  const local = new Set([`127.0.0.1:${upstream.port}`, `localhost:${upstream.port}`]);
  const refuse = (socket: Duplex) => socket.end('HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\n\r\n');

  const server: Server = createServer((req, res) => {
    const url = req.url ?? '';
    record(req, url);
    let target: URL | null = null;
    try {
      target = new URL(url);
    } catch {
      // not a proxy request (a relative URL): nothing to forward
    }
    if (!target || target.protocol !== 'http:' || !local.has(target.host)) {
      res.writeHead(502).end();
      return;
    }
    const forward = request(
      { host: '127.0.0.1', port: upstream.port, method: req.method, path: target.pathname + target.search, headers: req.headers },
      (answer: IncomingMessage) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  server.on('connect', (req: IncomingMessage, socket: Duplex) => {
    record(req, `CONNECT ${req.url ?? ''}`);
    refuse(socket);
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex) => {
    record(req, req.url ?? '');
    refuse(socket);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    port: (server.address() as { port: number }).port,
    requests,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
