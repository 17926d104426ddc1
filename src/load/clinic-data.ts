import type { Clinic } from '../domain/clinic.js';
import { decodeClinics } from '../domain/clinic-codec.js';

// The bundled clinics are immutable and the same for every widget on the page, so the decoded
// list is memoised once per page (the one kind of module-level state the conventions allow).
let bundled: Promise<readonly Clinic[]> | undefined;

/** The clinics compiled into the build from data/clinics.csv, loaded as a lazy chunk. */
export function loadBundledClinics(): Promise<readonly Clinic[]> {
  bundled ??= import('virtual:clinic-locator-clinics').then(
    // Decoding runs in a task of its own, after the chunk's evaluation, so neither makes one
    // long task on the host page.
    (module) =>
      new Promise<readonly Clinic[]>((resolve, reject) =>
        setTimeout(() => {
          try {
            resolve(decodeClinics(module.default));
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        }),
      ),
    (error: unknown) => {
      bundled = undefined;
      throw error;
    },
  );
  return bundled;
}
