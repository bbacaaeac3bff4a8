import { defineConfig } from 'vitest/config';

// The examples run on their own: `npx vitest run --config examples/properties/vitest.config.ts`.
export default defineConfig({
  test: {
    include: ['examples/properties/**/*.test.ts'],
  },
});
