import net from 'node:net';
import { neonConfig } from '@neondatabase/serverless';
import { WebSocketServer } from 'ws';

/**
 * What Neon's proxy does, for a local Postgres: each WebSocket carries one Postgres
 * connection to the `address` it names. Lets the tests run the production Neon driver.
 */
export async function startNeonRelay(): Promise<{ port: number; connections(): number; close(): Promise<void> }> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  let connections = 0;
  server.on('connection', (socket, request) => {
    connections += 1;
    const address = new URL(request.url ?? '/', 'ws://relay').searchParams.get('address') ?? '';
    const [host = '', port = ''] = address.split(':');
    // Only loopback Postgres: the relay must never become a way out of the machine.
    if (!['127.0.0.1', 'localhost'].includes(host)) return socket.close(1008, 'loopback only');
    const upstream = net.connect({ host, port: Number(port) || 5432 });
    upstream.on('data', (chunk) => socket.send(chunk));
    upstream.on('close', () => socket.close());
    upstream.on('error', () => socket.close());
    socket.on('message', (data: Buffer) => upstream.write(data));
    socket.on('close', () => upstream.end());
  });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    connections: () => connections,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Points the Neon driver at the relay, speaking plain (non-TLS) WebSocket as a local proxy does. */
export function routeNeonThroughRelay(port: number) {
  neonConfig.wsProxy = (host, targetPort) => `127.0.0.1:${port}/v1?address=${host}:${targetPort}`;
  neonConfig.useSecureWebSocket = false;
  neonConfig.pipelineTLS = false;
  neonConfig.pipelineConnect = false;
}
