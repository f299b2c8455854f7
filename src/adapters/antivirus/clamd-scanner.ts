// ClamAV daemon client (clamd's INSTREAM command): "zINSTREAM\0", then chunks each prefixed by a
// 4-byte big-endian length, then a zero-length chunk; clamd answers "stream: OK\0" or
// "stream: <name> FOUND\0". Any other answer, a timeout or a refused connection fails closed.
import net from 'node:net';
import type { ScanVerdict, VirusScanner } from './virus-scanner.ts';

const CHUNK = 64 * 1024;

export function createClamdScanner(options: {
  host: string;
  port: number;
  timeoutMs?: number;
}): VirusScanner {
  return {
    name: `clamd ${options.host}:${options.port}`,
    real: true,
    scan(content) {
      return new Promise<ScanVerdict>((resolve, reject) => {
        const socket = net.connect({ host: options.host, port: options.port });
        const replies: Buffer[] = [];
        socket.setTimeout(options.timeoutMs ?? 30_000, () => socket.destroy(new Error('clamd timed out')));
        socket.on('error', reject);
        socket.on('data', (data) => replies.push(data));
        socket.on('end', () => {
          const reply = Buffer.concat(replies).toString('utf8').replace(/\0/g, '').trim();
          if (reply === 'stream: OK') {
            resolve({ clean: true });
            return;
          }
          const found = /^stream: (.+) FOUND$/.exec(reply);
          if (found?.[1]) {
            resolve({ clean: false, signature: found[1] });
            return;
          }
          reject(new Error(`clamd answered: ${reply.slice(0, 200)}`));
        });
        socket.on('connect', () => {
          socket.write('zINSTREAM\0');
          for (let offset = 0; offset < content.length; offset += CHUNK) {
            const chunk = content.subarray(offset, offset + CHUNK);
            const size = Buffer.alloc(4);
            size.writeUInt32BE(chunk.length, 0);
            socket.write(size);
            socket.write(chunk);
          }
          socket.end(Buffer.alloc(4));
        });
      });
    },
  };
}
