import type { CreateMapView } from '../map/map-view.js';
import { nextTask } from './next-task.js';

let factory: Promise<CreateMapView> | undefined;

/**
 * The Leaflet map adapter, loaded on demand as its own chunk (memoised; code is immutable). It
 * resolves a task after the chunk ran, so evaluating Leaflet and creating the map are two tasks.
 */
export function loadMapFactory(): Promise<CreateMapView> {
  factory ??= import('../map/leaflet-map-view.js').then(
    async (module) => {
      await nextTask();
      return module.createMapView;
    },
    (error: unknown) => {
      factory = undefined;
      throw error;
    },
  );
  return factory;
}
