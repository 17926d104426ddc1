/**
 * A member clinic, as the widget uses it. Strings are plain text from the data file: they are
 * always rendered as text, never as HTML.
 */
export interface Clinic {
  /** Stable, unique identifier (used in events and deep links). */
  id: string;
  name: string;
  /** The member organization (practice or group) the clinic belongs to. */
  organization: string;
  address1: string;
  address2?: string;
  city: string;
  /** Two-letter USPS state code. */
  state: string;
  /** Five-digit ZIP code. */
  zip: string;
  lat: number;
  lon: number;
  /** Ten-digit US phone number, digits only (e.g. `6165550142`). */
  phone?: string;
  /** An http(s) URL. */
  website?: string;
  /** Service identifiers from `data/services.json` (e.g. `back-pain`). */
  services: string[];
}
