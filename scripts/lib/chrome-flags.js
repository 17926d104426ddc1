// The flags Chromium needs on these machines, shared by the test runner, the benchmarks and the
// audit: as root it needs --no-sandbox, and without the networking flags it tries hosts this
// machine cannot reach.
export const CHROME_FLAGS = [
  '--no-sandbox',
  '--disable-dev-shm-usage',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
