import { defineConfig } from 'vitest/config';

// Three kinds of test, run in this order by `npm test`:
// unit (pure core, no build), build (reads the `dist/` a real build wrote), e2e (Chromium).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'] } },
      { test: { name: 'build', include: ['test/build/**/*.test.ts'], testTimeout: 120_000 } },
    ],
  },
});
