#!/usr/bin/env node
// `npx motcua <command>`: the operators' command line. Runs the TypeScript sources through tsx,
// like `npm start`, so there is no separate build step for the server.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
