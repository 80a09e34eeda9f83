// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import pluginVue from 'eslint-plugin-vue';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Layers, with imports pointing one way only, a rule for every folder:
 *   core/ (pure domain) ← exercises/, services/ (Node) ← electron/, web-host/ (transports)
 *   renderer/ talks to the rest only through core/ types and the bridge;
 *   the preload only through core/bridge.
 */
const noElectronOrVue = [
  { name: 'electron', message: 'The domain and services must not depend on Electron: put Electron code in electron/.' },
  { name: 'vue', message: 'The domain and services must not depend on Vue.' },
  { name: 'pinia', message: 'The domain and services must not depend on Pinia.' },
  { name: 'electron-store', message: 'Only electron/main/stores.ts opens electron-store; services take a KeyValueStore.' },
];

const layer = (files, paths, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { paths, patterns }] },
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
  },
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/html-closing-bracket-newline': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,vue}', 'tests/unit/renderer/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  layer(['core/**/*.ts'], [...noElectronOrVue, { name: 'conf', message: 'The domain does not store anything.' }], [
    { group: ['node:*', ...builtinModules], message: 'The domain is pure: no Node APIs (it also runs in the renderer).' },
    { group: ['**/services/**', '**/electron/**', '**/renderer/**', '**/web-host/**', '**/exercises/**'], message: 'core/ imports nothing above it.' },
  ]),
  layer(['services/**/*.ts'], noElectronOrVue, [
    { group: ['**/electron/**', '**/renderer/**', '**/web-host/**'], message: 'Services import only core/ and exercises/.' },
  ]),
  layer(['exercises/**/*.ts'], noElectronOrVue, [
    { group: ['**/services/**', '**/electron/**', '**/renderer/**', '**/web-host/**'], message: 'The content loader imports only core/.' },
  ]),
  layer(['web-host/**/*.ts'], noElectronOrVue, [{ group: ['**/electron/**', '**/renderer/**'], message: 'The browser host is a transport over services/.' }]),
  layer(['electron/main/**/*.ts'], [{ name: 'vue', message: 'The main process has no Vue.' }], [
    { group: ['**/renderer/**', '**/web-host/**'], message: 'The Electron glue wires services/ to windows; it does not reach into the renderer or the browser host.' },
  ]),
  layer(['renderer/**/*.{ts,vue}'], [{ name: 'electron', message: 'The renderer reaches the app only through the typed bridge.' }], [
    { group: ['node:*', 'conf', 'electron-store'], message: 'The renderer runs in a sandboxed page: no Node, no stores.' },
    { group: ['**/services/**', '**/electron/**', '**/web-host/**', '**/exercises/**'], message: 'The renderer talks only to the bridge (renderer/src/bridge).' },
    { group: ['**/core/**/*-schema', '**/core/content/validate-content', '**/core/bridge/requests'], allowTypeImports: true, message: 'Import schema types only: zod stays out of the renderer bundle.' },
  ]),
  layer(['electron/preload/**/*.ts'], [], [
    { group: ['**/services/**', '**/renderer/**', '**/web-host/**', '**/exercises/**', '**/electron/main/**', 'zod', 'conf', 'electron-store', 'node:*', ...builtinModules], message: 'The sandboxed preload only forwards known requests: it imports electron and core/bridge only.' },
    { regex: '/core/(?!bridge/)', message: 'The sandboxed preload imports only core/bridge.' },
  ]),
  {
    // Type-aware rules: a promise is either awaited, returned or deliberately `void`ed, and never passed where nothing waits for it.
    files: ['**/*.{ts,vue}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname, extraFileExtensions: ['.vue'] } },
    rules: { '@typescript-eslint/no-floating-promises': 'error', '@typescript-eslint/no-misused-promises': 'error' },
  },
);
