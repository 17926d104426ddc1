import type { Clinic } from '../domain/clinic.js';
import type { CompiledClinics } from '../domain/clinic-codec.js';
import type { createClinicDecoder as CreateDecoder } from '../domain/clinic-codec.js';
import { nextTask } from './next-task.js';

// The bundled clinics are immutable and the same for every widget on the page, so the decoded
// list is memoised once per page (the one kind of module-level state the conventions allow).
let bundled: Promise<readonly Clinic[]> | undefined;

/** The clinics compiled into the build from data/clinics.csv, loaded as a lazy chunk. */
export function loadBundledClinics(): Promise<readonly Clinic[]> {
  // The decoder comes beside the data, not in the first download: it is needed only with it.
  bundled ??= Promise.all([
    import('virtual:clinic-locator-clinics'),
    import('../domain/clinic-codec.js'),
  ])
    // Decoding is spread over tasks of a few hundred clinics each, after the chunk's evaluation,
    // so the widget adds no long task to the host page however many clinics there are.
    .then(([module, codec]) => decodeInSlices(module.default, codec.createClinicDecoder))
    .catch((error: unknown) => {
      bundled = undefined;
      throw error;
    });
  return bundled;
}

/** Clinics decoded per task: a few milliseconds on a mid-range phone. */
const SLICE = 250;

async function decodeInSlices(
  compiled: CompiledClinics,
  createClinicDecoder: typeof CreateDecoder,
): Promise<readonly Clinic[]> {
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
