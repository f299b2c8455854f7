// A steady flood: GET one URL at an even rate over keep-alive connections, in its own process.
// autocannon's -R sends each second's quota as fast as it can and then waits, so its "2,000 req/s"
// is a burst at full speed every second; this one spreads the same number evenly (every 5 ms).
// Prints the same JSON shape as `autocannon -j` for the fields the flood bench reads.
//
//   node --import tsx bench/lib/paced-flood.ts <url> <requests per second> <seconds> [header=value…]
import http from 'node:http';

const [url = '', rateText = '2000', secondsText = '10', ...headerArgs] = process.argv.slice(2);
const rate = Number(rateText);
const seconds = Number(secondsText);
const headers = Object.fromEntries(headerArgs.map((pair) => pair.split('=', 2) as [string, string]));
const agent = new http.Agent({ keepAlive: true, maxSockets: 50 });
const statusCounts: Record<string, number> = {};
let sent = 0;
let answered = 0;
let errors = 0;

function fire(): void {
  sent++;
  http
    .get(url, { agent, headers }, (response) => {
      response.resume();
      response.on('end', () => {
        answered++;
        const status = String(response.statusCode);
        statusCounts[status] = (statusCounts[status] ?? 0) + 1;
      });
    })
    .on('error', () => {
      errors++;
    });
}

const started = performance.now();
await new Promise<void>((resolve) => {
  const timer = setInterval(() => {
    const elapsed = (performance.now() - started) / 1000;
    if (elapsed >= seconds) {
      clearInterval(timer);
      resolve();
      return;
    }
    const due = Math.floor(elapsed * rate);
    while (sent < due) {
      fire();
    }
  }, 5);
});
// Let the last answers arrive.
const deadline = performance.now() + 5000;
while (answered + errors < sent && performance.now() < deadline) {
  await new Promise((resolve) => setTimeout(resolve, 20));
}
agent.destroy();
process.stdout.write(
  JSON.stringify({
    requests: { average: answered / seconds, total: answered },
    statusCodeStats: Object.fromEntries(Object.entries(statusCounts).map(([k, count]) => [k, { count }])),
    errors: errors + (sent - answered - errors),
  }),
);
