// The npm registry mirror this project is built against serves only some platforms' optional
// binaries (e.g. no @biomejs/cli-darwin-*). npm then leaves them out of package-lock.json, and
// `npm ci` refuses the lockfile as "out of sync". This adds a stub entry (name, version,
// optional) for every optional dependency the lockfile references but does not list; npm skips
// such packages on other platforms. Run after regenerating the lockfile: npm run lockfile:complete
import fs from 'node:fs';

interface LockPackage {
  version?: string;
  dev?: boolean;
  optional?: boolean;
  optionalDependencies?: Record<string, string>;
}

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(fs.readFileSync(file, 'utf8')) as { packages: Record<string, LockPackage> };
let added = 0;
for (const [location, pkg] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    const nested = `${location ? `${location}/` : ''}node_modules/${name}`;
    if (lock.packages[nested] || lock.packages[`node_modules/${name}`]) {
      continue;
    }
    lock.packages[`node_modules/${name}`] = { version, ...(pkg.dev ? { dev: true } : {}), optional: true };
    added++;
  }
}
const sorted = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a < b ? -1 : 1)));
fs.writeFileSync(file, `${JSON.stringify({ ...lock, packages: sorted }, null, 2)}\n`);
process.stdout.write(`lockfile: ${added} optional platform entries added\n`);
