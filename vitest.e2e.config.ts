import { defineConfig } from 'vitest/config';

// End-to-end tests: the built extension in headless Chromium. One file at a time — each launches
// its own browser, and the machines have two cores.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    environment: 'node',
  },
});
