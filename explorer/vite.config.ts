import { defineConfig } from 'vite';

/**
 * The explorer is a static page: `vite build` writes it to explorer/dist, which the GraphQL server
 * serves at `/`. In `npm run explorer:dev`, Vite serves it with hot reload and forwards /graphql
 * to a running server.
 */
export default defineConfig({
  root: import.meta.dirname,
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', reportCompressedSize: true },
  server: { proxy: { '/graphql': process.env.EXPLORER_API ?? 'http://localhost:4000' } },
});
