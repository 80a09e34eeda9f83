/**
 * Lets `tsc -p tsconfig.node.json` (which checks tests/unit/** without the
 * Vue compiler) accept a test importing a single-file component. vue-tsc
 * checks the components themselves; Vitest compiles them with the Vue plugin.
 */
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent;
  export default component;
}
