// The URL each data file (the ZIP table, the place names) is fetched from. By default beside the
// code that asks, as the build wrote them (`assetUrl`: in the npm package,
// `new URL('./zips.bin', import.meta.url)`, which Vite, webpack and Parcel follow and copy);
// under the element's `base-url` when it has one (data-base.ts).
import { assetUrl } from 'virtual:clinic-locator-assets';
import { dataBase } from './data-base.js';

/** The URL of the data file `name` (`zips`, `places`, …): under the base given, else the build's. */
export function dataFileUrl(name: string): string {
  const built = assetUrl(name);
  const base = dataBase();
  if (!base) return built;
  const file = new URL(built).pathname.split('/').pop() ?? '';
  return new URL(file, base).href;
}
