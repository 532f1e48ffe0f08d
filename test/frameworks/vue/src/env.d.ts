/// <reference types="sila-widgets/vue" />
// (the line above is what docs/frameworks/vue.md asks of an app)

declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent;
  export default component;
}
