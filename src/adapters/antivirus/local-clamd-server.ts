// A local server that speaks clamd's INSTREAM protocol and judges with the local signature scanner:
// the faithful stand-in used by tests (and by anyone trying the clamd client without ClamAV).
import net from 'node:net';
import { createLocalSignatureScanner } from './virus-scanner.ts';

export interface LocalClamd {
  port: number;
  close(): Promise<void>;
}

export async function startLocalClamd(signatures: Record<string, string> = {}): Promise<LocalClamd> {
  const scanner = createLocalSignatureScanner(signatures);
  const server = net.createServer((socket) => {
    let buffer = Buffer.alloc(0);
    let commandSeen = false;
    const chunks: Buffer[] = [];
    socket.on('data', (data) => {
      buffer = Buffer.concat([buffer, data]);
      if (!commandSeen) {
        const end = buffer.indexOf(0);
        if (end < 0) {
          return;
        }
        if (buffer.subarray(0, end).toString('latin1') !== 'zINSTREAM') {
          socket.end('UNKNOWN COMMAND\0');
          return;
        }
        commandSeen = true;
        buffer = buffer.subarray(end + 1);
      }
      while (buffer.length >= 4) {
        const size = buffer.readUInt32BE(0);
        if (size === 0) {
          void scanner.scan(Buffer.concat(chunks)).then((verdict) => {
            socket.end(verdict.clean ? 'stream: OK\0' : `stream: ${verdict.signature} FOUND\0`);
          });
          buffer = Buffer.alloc(0);
          return;
        }
        if (buffer.length < 4 + size) {
          return;
        }
        chunks.push(buffer.subarray(4, 4 + size));
        buffer = buffer.subarray(4 + size);
      }
    });
    socket.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
