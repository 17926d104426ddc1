// Side-effect-free public exports: the element class (not registered), events, types and the
// domain functions. Import `clinic-locator` (src/clinic-locator.ts) to register the element.
export {
  ClinicLocator,
  DEFAULT_LIMIT,
  DEFAULT_TILE_ATTRIBUTION,
  DEFAULT_TILE_URL,
} from './element/clinic-locator.component.js';
export * from './element/events.js';
export type { Messages } from './element/messages/messages.js';
export type { Clinic } from './domain/clinic.js';
export type {
  CreateMapView,
  MapMarker,
  MapOrigin,
  MapView,
  MapViewOptions,
} from './map/map-view.js';
export * from './functions.js';
