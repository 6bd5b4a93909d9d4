import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'threads',
    testTimeout: 20_000,
    // Starting and closing a federation (nodes, stores, schemas) takes longer on a loaded CI machine.
    hookTimeout: 60_000,
  },
})
