import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [vue()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/renderer/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/support/temp-root.ts'],
    // Storage crash and fuzz tests spawn processes and write real files.
    testTimeout: 30_000,
  },
});
