// The dashboard is a static page served by the api at `/`. Preact's JSX runtime is configured
// through esbuild directly, so no framework preset is needed.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));

/** @type {import('vite').UserConfig} */
export default {
  root,
  base: './',
  logLevel: 'warn',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  // The page checks a maturity model and reads a people file with the domain's own rules before
  // sending them (one rule, one place).
  resolve: { alias: { '@app/domain': path.resolve(root, '..', '..', 'libs', 'domain', 'src') } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 200,
    // Two pages from one build: the dashboard, and the rater's questionnaire (/rate), which loads
    // nothing of the dashboard.
    rollupOptions: {
      input: { dashboard: path.join(root, 'index.html'), rate: path.join(root, 'rate.html') },
    },
  },
};
