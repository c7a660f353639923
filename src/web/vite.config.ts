import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Two separate builds into one folder: the console (index.html, `vite build`) and the bundled
 * GraphiQL (explorer.html, `vite build --mode explorer`). Separate, so the explorer's share of
 * graphql-js, React and the editor never lands in a chunk the console's first page loads. The
 * console's manifest (.vite/manifest.json) lets a test measure that page.
 */
export default defineConfig(({ mode }) => {
  const explorer = mode === 'explorer';
  return {
    root: __dirname,
    base: '/',
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, '../../dist/web'),
      emptyOutDir: !explorer,
      manifest: explorer ? 'explorer-manifest.json' : true,
      chunkSizeWarningLimit: 4000,
      rolldownOptions: {
        input: resolve(__dirname, explorer ? 'explorer.html' : 'index.html'),
        onwarn(warning, warn) {
          // graphiql's modules start with React-compiler directives the bundler drops harmlessly.
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
          warn(warning);
        },
      },
    },
    server: {
      proxy: { '/graphql': 'http://127.0.0.1:4000', '/materials': 'http://127.0.0.1:4000', '/documents': 'http://127.0.0.1:4000' },
    },
  };
});
