// What the privacy check searches for (test/e2e/fetch-set.test.ts, and bench/fetch-set.ts for
// BENCHMARKS.md): the files a search fetches must be the same for every one.

/** ZIPs in several regions, ZIP+4, a town, a clinic's name, a service word, nonsense. */
export const FETCH_SET_QUERIES = [
  '49503',
  '90210',
  '10001',
  '99518',
  '49503-1234',
  'Grand Rapids, MI',
  'Mossyridge Physical Therapy',
  'sciatica',
  'qqqqzzzz',
];
