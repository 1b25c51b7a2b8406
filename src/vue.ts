// `mobilizon-embed/vue`: Vue 3 template typings for the elements (types only; import it once, e.g.
// `import type {} from 'mobilizon-embed/vue'`, and tell Vue's compiler that `mobilizon-*` tags are
// custom elements: `compilerOptions.isCustomElement`).
import type { DefineComponent } from 'vue';
import type { MobilizonElements } from './jsx/attributes.js';

export type * from './jsx/attributes.js';

type VueElement<T extends keyof MobilizonElements> = DefineComponent<MobilizonElements[T][1]>;

declare module 'vue' {
  interface GlobalComponents {
    'mobilizon-events': VueElement<'mobilizon-events'>;
    'mobilizon-event': VueElement<'mobilizon-event'>;
    'mobilizon-group': VueElement<'mobilizon-group'>;
    'mobilizon-registration': VueElement<'mobilizon-registration'>;
  }
}
