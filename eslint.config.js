// @ts-check
import js from '@eslint/js';
import pluginVue from 'eslint-plugin-vue';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Layers, with imports pointing one way only:
 *   core/ (pure domain) ← exercises/, services/ (Node) ← electron/, web-host/ (transports)
 *   renderer/ talks to the rest only through core/ types and the bridge.
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
    files: ['renderer/**/*.{ts,vue}', 'tests/renderer/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  layer(['core/**/*.ts'], [...noElectronOrVue, { name: 'conf', message: 'The domain does not store anything.' }], [
    { group: ['node:*'], message: 'The domain is pure: no Node APIs (it also runs in the renderer).' },
    { group: ['**/services/**', '**/electron/**', '**/renderer/**', '**/web-host/**', '**/exercises/**'], message: 'core/ imports nothing above it.' },
  ]),
  layer(['services/**/*.ts', 'exercises/**/*.ts'], noElectronOrVue, [
    { group: ['**/electron/**', '**/renderer/**', '**/web-host/**'], message: 'Services import only core/ and exercises/.' },
  ]),
  layer(['web-host/**/*.ts'], noElectronOrVue, [{ group: ['**/electron/**', '**/renderer/**'], message: 'The browser host is a transport over services/.' }]),
  layer(['renderer/**/*.{ts,vue}'], [{ name: 'electron', message: 'The renderer reaches the app only through the typed bridge.' }], [
    { group: ['node:*', 'conf', 'electron-store'], message: 'The renderer runs in a sandboxed page: no Node, no stores.' },
    { group: ['**/services/**', '**/electron/**', '**/web-host/**', '**/exercises/**'], message: 'The renderer talks only to the bridge (renderer/src/bridge).' },
    { group: ['**/core/**/*-schema', '**/core/content/validate-content'], allowTypeImports: true, message: 'Import schema types only: zod stays out of the renderer bundle.' },
  ]),
  layer(['electron/preload/**/*.ts'], [], [
    { group: ['**/services/**', '**/renderer/**', '**/web-host/**', '**/exercises/**', 'zod', 'conf', 'electron-store'], message: 'The sandboxed preload only forwards known channels.' },
  ]),
);
