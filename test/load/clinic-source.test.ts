import { expect } from '@open-wc/testing';
import { loadClinicSource } from '../../src/load/clinic-source.js';
import { startFetch } from '../../src/load/early-fetch.js';

const GOOD = '/test/fixtures/element/good.clinics.json';

/** Calls to window.fetch for `path` while `run` runs. */
async function requestsOf<T>(
  path: string,
  run: () => Promise<T>,
): Promise<{ value: T; calls: number }> {
  const realFetch = window.fetch;
  let calls = 0;
  window.fetch = (input, init) => {
    if (new URL(String(input), location.href).pathname === path) calls++;
    return realFetch(input, init);
  };
  try {
    return { value: await run(), calls };
  } finally {
    window.fetch = realFetch;
  }
}

const blobUrl = (bytes: Uint8Array, type: string) =>
  URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));

describe('loadClinicSource() and a request sent ahead (startFetch)', () => {
  it('reads the response of the request already sent, and sends no second one', async () => {
    const url = new URL(GOOD, location.href).href;
    const direct = await loadClinicSource(url);
    const { value, calls } = await requestsOf(GOOD, () =>
      loadClinicSource(url, { started: startFetch(url) }),
    );
    expect(calls).to.equal(1);
    expect(value.clinics).to.deep.equal(direct.clinics);
    expect(value.clinics.map((c) => c.id)).to.deep.equal(['g1', 'g2', 'g3']);
  });

  it('cancels the request sent ahead when the load was abandoned before it began', async () => {
    const url = new URL(GOOD, location.href).href;
    const started = startFetch(url);
    const controller = new AbortController();
    controller.abort(new DOMException('a newer source', 'AbortError'));
    let error: unknown;
    await loadClinicSource(url, { signal: controller.signal, started }).catch((e) => (error = e));
    expect((error as DOMException).message).to.equal('a newer source');
    expect(started.controller.signal.aborted).to.equal(true);
  });
});

describe('loadClinicSource() with a compiled file', () => {
  it('reads it from its bytes as from its text, to the same clinics', async () => {
    // ASCII only, so that Windows-1252 reads it as UTF-8 does.
    const text = (await (await fetch(GOOD)).text()).replaceAll('–', '-');
    const bytes = new TextEncoder().encode(text);
    const asBytes = await loadClinicSource(blobUrl(bytes, 'application/json'));
    // A server that names another charset: decoded whole, then read as text.
    const asText = await loadClinicSource(blobUrl(bytes, 'application/json; charset=windows-1252'));
    expect(asBytes.clinics.map((c) => c.id)).to.deep.equal(['g1', 'g2', 'g3']);
    expect(asText.clinics).to.deep.equal(asBytes.clinics);
    expect(asBytes.problems).to.deep.equal([]);
  });

  it('reads a file that is not UTF-8 as Windows-1252, with the warning the text reader gives', async () => {
    const text = await (await fetch(GOOD)).text();
    const name = /"name":\["([^"]+)"\]|"organization":\{"values":\["([^"]+)"/.exec(text)!;
    const original = (name[1] ?? name[2])!;
    const latin1 = Uint8Array.from(text.replace(original, `${original}é`), (c) =>
      c.charCodeAt(0) < 256 ? c.charCodeAt(0) : 63,
    );
    const checked = await loadClinicSource(blobUrl(latin1, 'application/json'));
    expect(checked.clinics.map((c) => c.id)).to.deep.equal(['g1', 'g2', 'g3']);
    expect(checked.clinics.some((c) => c.organization === `${original}é`)).to.equal(true);
    expect(checked.problems.map((p) => [p.column, p.severity])).to.deep.equal([
      ['(file)', 'warning'],
    ]);
    expect(checked.problems[0]!.message).to.match(/not valid UTF-8/);
  });
});
