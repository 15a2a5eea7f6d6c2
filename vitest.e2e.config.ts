import { defineConfig } from 'vitest/config';

// End-to-end tests: the built extension in headless Chromium. One file at a time — each launches
// its own browser, and the machines have two cores.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // expect.poll gives up after 1 s by default: far too soon on a slow shared 2-core machine, where a
    // single round trip to the page can take longer than that. A poll still returns the moment its
    // condition holds; this only bounds how long a condition that never comes is waited for.
    expect: { poll: { timeout: 15_000 } },
    fileParallelism: false,
    environment: 'node',
  },
});
