import { defineConfig } from 'vitest/config';
import { precompressPlugin } from './build/precompress';

const backend = 'http://localhost:8080';

// No @vitejs/plugin-react: esbuild's automatic JSX runtime is all we need (no fast refresh).
export default defineConfig({
  esbuild: { jsx: 'automatic' },
  plugins: [precompressPlugin()],
  build: {
    // The Spring app serves these files (with SPA fallback for client routes).
    outDir: '../target/classes/static',
    emptyOutDir: true,
    sourcemap: false,
    rollupOptions: {
      onwarn(warning, warn) {
        // react-router ships "use client" directives, which are meaningless in a SPA bundle.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    proxy: {
      '/api': backend,
      '/actuator': backend,
      '/v3': backend,
      '/swagger-ui': backend,
      '/ws': { target: backend, ws: true },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}', 'build/**/*.test.ts'],
    exclude: ['e2e/**', 'node_modules/**'],
    setupFiles: ['src/test/setup.ts'],
    restoreMocks: true,
    // jsdom tests of whole pages take seconds on a loaded 2-core CI machine (5 s default timed out there once)
    testTimeout: 20_000,
  },
});
