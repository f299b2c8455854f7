// Two apps from one build: the portal at / (index.html) and the back office at /admin/
// (admin/index.html). They share web/ui, web/i18n and web/api. Fastify serves dist/web.
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

export default defineConfig({
  root,
  publicDir: path.join(root, 'public'),
  plugins: [react()],
  build: {
    outDir: path.resolve(root, '../dist/web'),
    emptyOutDir: true,
    sourcemap: false,
    rollupOptions: {
      input: {
        portal: path.join(root, 'index.html'),
        backoffice: path.join(root, 'admin/index.html'),
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000', '/healthz': 'http://localhost:3000' },
  },
});
