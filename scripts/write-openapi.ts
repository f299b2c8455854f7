// Writes the OpenAPI document the routes declare to docs/openapi.json (committed; a test fails when
// it drifts from the code). Usage: npm run openapi
import fs from 'node:fs';
import { openApiDocument } from '../src/platform/http/openapi-document.ts';

const file = new URL('../docs/openapi.json', import.meta.url);
fs.mkdirSync(new URL('.', file), { recursive: true });
fs.writeFileSync(file, `${JSON.stringify(await openApiDocument(), null, 2)}\n`);
process.stdout.write(`wrote ${file.pathname}\n`);
