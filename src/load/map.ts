import type { CreateMapView } from '../map/map-view.js';

let factory: Promise<CreateMapView> | undefined;

/** The Leaflet map adapter, loaded on demand as its own chunk (memoised; code is immutable). */
export function loadMapFactory(): Promise<CreateMapView> {
  factory ??= import('../map/leaflet-map-view.js').then(
    (module) => module.createMapView,
    (error: unknown) => {
      factory = undefined;
      throw error;
    },
  );
  return factory;
}
