// `import type {} from 'clinic-locator/react';` once in a React 19 + TypeScript app: then
// `<clinic-locator zip="49503" limit={5} onclinic-search={(e) => e.results} />` type-checks.
// React 19 sets a prop as a property when the element has one of that name (`limit`, `clinics`)
// and as an attribute otherwise (`without-map`), and `onclinic-search` listens for
// `clinic-search`.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { ClinicLocator } from '../element/clinic-locator.component.js';
import type {
  ClinicLocatorAttributes,
  ClinicLocatorHandlers,
  ClinicLocatorProperties,
} from './attributes.js';

export type * from './attributes.js';

/** The props of `<clinic-locator>` in React. */
export type ClinicLocatorReactProps = Omit<
  DetailedHTMLProps<HTMLAttributes<ClinicLocator>, ClinicLocator>,
  keyof ClinicLocatorAttributes
> &
  ClinicLocatorAttributes &
  ClinicLocatorProperties &
  ClinicLocatorHandlers;

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'clinic-locator': ClinicLocatorReactProps;
    }
  }
}
