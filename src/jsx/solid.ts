// `import type {} from 'clinic-locator/solid';` once in a Solid + TypeScript app. Solid sets
// attributes (`limit={5}` is the attribute "5", which the element parses), properties with
// `prop:` (`prop:clinics={list}`), and listens with `on:` (`on:clinic-search={(e) => …}`).
import type { JSX } from 'solid-js';
import type { ClinicLocator } from '../element/clinic-locator.component.js';
import type {
  ClinicLocatorAttributes,
  ClinicLocatorEventMap,
  ClinicLocatorProperties,
} from './attributes.js';

export type * from './attributes.js';

/** `on:<event>` handlers, as Solid names them. */
export type ClinicLocatorSolidHandlers = {
  [K in keyof ClinicLocatorEventMap as `on:${K}`]?: (event: ClinicLocatorEventMap[K]) => void;
};

/** `prop:<name>` for the properties with no attribute. */
export type ClinicLocatorSolidProperties = {
  [K in keyof ClinicLocatorProperties as `prop:${K}`]?: ClinicLocatorProperties[K];
};

/** The props of `<clinic-locator>` in Solid. */
export type ClinicLocatorSolidProps = Omit<
  JSX.HTMLAttributes<ClinicLocator>,
  keyof ClinicLocatorAttributes
> &
  ClinicLocatorAttributes &
  ClinicLocatorSolidProperties &
  ClinicLocatorSolidHandlers;

declare module 'solid-js' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'clinic-locator': ClinicLocatorSolidProps;
    }
  }
}
