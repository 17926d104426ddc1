import type { ZipLookup } from './zip-table.js';

/** The point a search measures from, and how to name it. */
export interface Origin {
  lat: number;
  lon: number;
  /** e.g. `49503 Grand Rapids, MI`; for an approximate ZIP, the ZIP alone. */
  label: string;
  /** True when the point is only the ZIP's 3-digit area (the ZIP is not in the table). */
  approximate: boolean;
  /** For an approximate origin, the area measured from, e.g. `495xx (MI)`. */
  area?: string;
}

/** What a ZIP lookup means for a search: an origin, or why there is none. */
export type ZipQueryOutcome =
  | { kind: 'origin'; origin: Origin }
  | { kind: 'unknown'; zip: string }
  | { kind: 'invalid'; input: string };

/** Turns a ZIP lookup into a search outcome with a labelled origin. */
export function originFromZip(lookup: ZipLookup): ZipQueryOutcome {
  switch (lookup.kind) {
    case 'found':
      return {
        kind: 'origin',
        origin: {
          lat: lookup.lat,
          lon: lookup.lon,
          label: `${lookup.zip} ${lookup.place}, ${lookup.state}`,
          approximate: false,
        },
      };
    case 'approximate':
      return {
        kind: 'origin',
        origin: {
          lat: lookup.lat,
          lon: lookup.lon,
          label: lookup.zip,
          approximate: true,
          area: `${lookup.zip.slice(0, 3)}xx (${lookup.state})`,
        },
      };
    case 'unknown':
      return { kind: 'unknown', zip: lookup.zip };
    case 'invalid':
      return { kind: 'invalid', input: lookup.input };
  }
}
