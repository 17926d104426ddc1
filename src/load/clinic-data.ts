import type { Clinic } from '../domain/clinic.js';
import { createClinicDecoder, type CompiledClinics } from '../domain/clinic-codec.js';

// The bundled clinics are immutable and the same for every widget on the page, so the decoded
// list is memoised once per page (the one kind of module-level state the conventions allow).
let bundled: Promise<readonly Clinic[]> | undefined;

/** The clinics compiled into the build from data/clinics.csv, loaded as a lazy chunk. */
export function loadBundledClinics(): Promise<readonly Clinic[]> {
  bundled ??= import('virtual:clinic-locator-clinics')
    // Decoding is spread over tasks of a few hundred clinics each, after the chunk's evaluation,
    // so the widget adds no long task to the host page however many clinics there are.
    .then((module) => decodeInSlices(module.default))
    .catch((error: unknown) => {
      bundled = undefined;
      throw error;
    });
  return bundled;
}

/** Clinics decoded per task: a few milliseconds on a mid-range phone. */
const SLICE = 250;

function decodeInSlices(compiled: CompiledClinics): Promise<readonly Clinic[]> {
  return new Promise((resolve, reject) => {
    const clinics: Clinic[] = [];
    let decoder: ReturnType<typeof createClinicDecoder>;
    const step = () => {
      try {
        decoder ??= createClinicDecoder(compiled);
        clinics.push(...decoder.next(SLICE));
        if (decoder.done) resolve(clinics);
        else setTimeout(step);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    setTimeout(step);
  });
}
