import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `base: './'`: the BFF injects <base href="{FC_BASE_PATH}/">, so one build serves any base path.
export default defineConfig({
  base: './',
  plugins: [react(), tailwindcss()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, target: 'es2022' },
  // changeOrigin: the BFF (FC_AUTH=none) answers only to its own loopback host and port, not localhost:5173.
  server: { proxy: { '/api': { target: 'http://127.0.0.1:8080', changeOrigin: true } } },
});
