// `mobilizon-embed/react`: React 19 JSX typings for the elements (types only; import it once, e.g.
// `import type {} from 'mobilizon-embed/react'`). React 19 sets known properties, writes other
// props as attributes, and listens to `onmobilizon-select`-style props as DOM events.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { MobilizonElements } from './jsx/attributes.js';

export type * from './jsx/attributes.js';

type ReactProps<T extends keyof MobilizonElements> = DetailedHTMLProps<HTMLAttributes<MobilizonElements[T][0]>, MobilizonElements[T][0]> &
  MobilizonElements[T][1];

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'mobilizon-events': ReactProps<'mobilizon-events'>;
      'mobilizon-event': ReactProps<'mobilizon-event'>;
      'mobilizon-group': ReactProps<'mobilizon-group'>;
      'mobilizon-registration': ReactProps<'mobilizon-registration'>;
    }
  }
}
