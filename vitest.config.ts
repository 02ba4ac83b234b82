import { defineConfig } from 'vitest/config';

// Three kinds of test, run in this order by `npm test`:
// unit (pure core, no build), build (reads the `dist/` a real build wrote), e2e (Chromium).
export default defineConfig({
  test: {
    // Vitest already refuses `.only` when CI is set (allowOnly defaults to !CI).
    projects: [
      {
        test: {
          name: 'unit',
          // Generous deadlines: some unit tests generate 6,000-tool catalogues or run real MCP servers in
          // bubblewrap, and on a busy two-core machine 5 s is not enough. They assert results, not times.
          testTimeout: 60_000,
          hookTimeout: 60_000,
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/schemas/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'build',
          include: ['test/build/**/*.test.ts'],
          testTimeout: 120_000,
          // Several files run their own `astro build`, and two at once in one project share
          // `.astro/.prerender` (one deletes the other's chunks): one file at a time.
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          globalSetup: ['e2e/server.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One browser at a time: the machine has two cores, and the preview server needs one.
          fileParallelism: false,
        },
      },
    ],
  },
});
