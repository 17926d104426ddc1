// `import type {} from 'clinic-locator/preact';` once in a Preact + TypeScript app. Preact,
// like React 19, sets a prop as a property when the element has one of that name, and
// `onclinic-search` listens for `clinic-search`.
import type { JSX } from 'preact';
import type { ClinicLocator } from '../element/clinic-locator.component.js';
import type {
  ClinicLocatorAttributes,
  ClinicLocatorHandlers,
  ClinicLocatorProperties,
} from './attributes.js';

export type * from './attributes.js';

/** The props of `<clinic-locator>` in Preact. */
export type ClinicLocatorPreactProps = Omit<
  JSX.HTMLAttributes<ClinicLocator>,
  keyof ClinicLocatorAttributes
> &
  ClinicLocatorAttributes &
  ClinicLocatorProperties &
  ClinicLocatorHandlers;

declare module 'preact' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'clinic-locator': ClinicLocatorPreactProps;
    }
  }
}
