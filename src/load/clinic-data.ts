import type { Clinic } from '../domain/clinic.js';
import { createClinicDecoder, type CompiledClinics } from '../domain/clinic-codec.js';
import { nextTask } from './next-task.js';

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

async function decodeInSlices(compiled: CompiledClinics): Promise<readonly Clinic[]> {
  const clinics: Clinic[] = [];
  try {
    await nextTask();
    const decoder = createClinicDecoder(compiled);
    for (;;) {
      clinics.push(...decoder.next(SLICE));
      if (decoder.done) return clinics;
      await nextTask();
    }
  } catch (error) {
    throw error instanceof Error ? error : new Error(String(error));
  }
}
