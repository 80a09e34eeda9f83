import { resolve } from 'node:path';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { contentSecurityPolicy } from './core/bridge/content-security-policy';
import { loadValidContentDir } from './exercises/load-content';
import packageJson from './package.json' with { type: 'json' };

/** Fails the build when any exercise or routine file is invalid, naming the file and field. */
function validateExerciseContent(): Plugin {
  return {
    name: 'backcare:validate-exercise-content',
    buildStart() {
      loadValidContentDir(resolve(import.meta.dirname, 'exercises'));
    },
  };
}

/** Writes the one CSP into index.html (`frame-ancestors` only works as a header, so it is left out here). */
function contentSecurityPolicyMeta(): Plugin {
  const policy = contentSecurityPolicy.split('; ').filter((rule) => !rule.startsWith('frame-ancestors')).join('; ');
  return {
    name: 'backcare:csp-meta',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' }],
  };
}

export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot require npm packages or be ESM: bundle everything into one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    base: './',
    plugins: [vue(), validateExerciseContent(), contentSecurityPolicyMeta()],
    // The report prints the version on every page.
    define: { 'import.meta.env.VITE_APP_VERSION': JSON.stringify(packageJson.version) },
    build: {
      // electron-vite leaves the renderer unminified by default; minified it parses faster at start-up.
      minify: true,
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      rollupOptions: { input: resolve(import.meta.dirname, 'renderer/index.html') },
    },
  },
});
