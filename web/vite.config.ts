import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The UI is served by every State node from dist/web; it talks to that node over HTTP only.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  base: '/',
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  logLevel: 'warn',
})
