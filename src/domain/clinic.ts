/** A clinic's operating status (`open` when absent). */
export const CLINIC_STATUSES = [
  'open',
  'temporarily-closed',
  'opening-soon',
  'telehealth-only',
] as const;
export type ClinicStatus = (typeof CLINIC_STATUSES)[number];

/** The building-access features a clinic can list. */
export const ACCESSIBILITY_FEATURES = [
  'wheelchair-entrance',
  'accessible-parking',
  'accessible-restroom',
  'elevator',
  'public-transit',
] as const;
export type AccessibilityFeature = (typeof ACCESSIBILITY_FEATURES)[number];

/**
 * A member clinic, as the widget uses it. Strings are plain text from the data file: they are
 * always rendered as text, never as HTML.
 */
export interface Clinic {
  /** Stable, unique identifier (used in events and deep links). */
  id: string;
  /** The clinic's display name (e.g. `Lakeshore Physical Therapy – Grand Rapids`). */
  name: string;
  /** The member organization (practice or group) the clinic belongs to. */
  organization: string;
  /** First street address line. */
  address1: string;
  /** Second address line (suite, floor, building), when there is one. */
  address2?: string;
  /** City or town, as written in postal addresses. */
  city: string;
  /** Two-letter USPS state code. */
  state: string;
  /** Five-digit ZIP code. */
  zip: string;
  /** Latitude in decimal degrees (WGS 84). */
  lat: number;
  /** Longitude in decimal degrees (WGS 84); negative in the western hemisphere. */
  lon: number;
  /** Ten-digit US phone number, digits only (e.g. `6165550142`). */
  phone?: string;
  /** An http(s) URL. */
  website?: string;
  /** An http(s) URL where a visitor can book an appointment at this clinic. */
  bookingUrl?: string;
  /** Service identifiers from `data/services.json` (e.g. `back-pain`). */
  services: string[];
  /** Whether the clinic offers telehealth visits; absent when unknown. */
  telehealth?: boolean;
  /** Languages spoken, as lowercase ISO 639-1 codes (e.g. `['en', 'es']`). */
  languages?: string[];
  /**
   * Opening hours as raw weekly text, e.g. `Mo-Fr 07:00-19:00; Sa 08:00-12:00` (days `Mo Tu We
   * Th Fr Sa Su`, ranges with `-`, lists with `,`, rules separated by `; `); parsed by `parseHours()` in hours.ts, which documents the format.
   */
  hours?: string;
  /**
   * IANA time zone of the clinic (e.g. `America/Detroit`). The checker (clinic-check.ts) always
   * sets it: the file's value, else the state's main zone (timezones.ts). Absent only in clinics
   * a page supplies itself, where it means "the state's main zone".
   */
  timezone?: string;
  /** Insurance plans accepted: ids from `data/insurance.json` (e.g. `['medicare', 'aetna']`). */
  insurance?: string[];
  /** Whether the clinic is taking new patients; absent when unknown. */
  acceptingNewPatients?: boolean;
  /** Operating status; absent means open. */
  status?: ClinicStatus;
  /** Free text shown under the status badge, e.g. `Reopens January 5` (plain text). */
  statusNote?: string;
  /**
   * Dates that override the weekly `hours`, in the clinic's time zone, as raw text:
   * `2026-12-25 closed; 2026-12-31 09:00-13:00; 2027-01-01..2027-01-02 closed` (parsed by
   * `parseSpecialHours()` in hours.ts).
   */
  specialHours?: string;
  /** Building access, from `ACCESSIBILITY_FEATURES` (e.g. `['wheelchair-entrance']`). */
  accessibility?: AccessibilityFeature[];
  /**
   * True when the file gave no coordinates and `lat`/`lon` are the ZIP code's point (GeoNames),
   * so distances are approximate; absent otherwise.
   */
  approximate?: boolean;
}
