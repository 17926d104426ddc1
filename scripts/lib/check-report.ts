// The `ok` / `FAIL` lines of the Node-side checks (scripts/test.ts counts the FAIL lines into
// the closing `N passed, N failed` line), and their last line and exit status.

let failures = 0;

/** Prints one check's line; on failure, its detail indented below it. */
export function report(name: string, ok: boolean, detail: () => string): void {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}`);
  if (!ok) {
    failures++;
    console.log(detail().replace(/^/gm, '     '));
  }
}

/** Prints `<what>: all passed` or `<what>: N failed` and exits 0 or 1. */
export function finish(what: string): never {
  console.log(failures === 0 ? `${what}: all passed` : `${what}: ${failures} failed`);
  process.exit(failures === 0 ? 0 : 1);
}
