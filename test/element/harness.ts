// A small harness for <clinic-locator> tests: mounts the element with a fake map and reads and
// drives it through its CSS parts, as a visitor sees it.
import { fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../../src/clinic-locator.js';
import type { ClinicLocator } from '../../src/element/clinic-locator.component.js';
import type { ClinicErrorEvent, ClinicSearchEvent } from '../../src/element/events.js';
import { createFakeMapView, type FakeMapView } from './fake-map-view.js';

export interface Harness {
  el: ClinicLocator;
  views: FakeMapView[];
  /** The newest map the element created (waits for one). */
  map(): Promise<FakeMapView>;
  part(name: string, root?: ParentNode): HTMLElement;
  parts(name: string, root?: ParentNode): HTMLElement[];
  /** The status line's text, spaces collapsed. */
  status(): string;
  /** Every text the status line showed, in order. */
  statuses: string[];
  errors: ClinicErrorEvent[];
  input(): HTMLInputElement;
  /** Types into the search box (firing `input`, as a visitor's typing does). */
  type(text: string): void;
  submit(): void;
  /** Types and submits, and resolves with the search event. */
  search(text: string): Promise<ClinicSearchEvent>;
  /** The ids of the listed clinics, in order. */
  ids(): (string | undefined)[];
}

/** Mounts a <clinic-locator> with `attrs` (and `clinics`, if given) and a fake map. */
export async function mount(
  attrs: Record<string, string> = {},
  clinics?: ClinicLocator['clinics'],
): Promise<Harness> {
  const { create, views } = createFakeMapView();
  const el = document.createElement('clinic-locator');
  el.mapViewFactory = create;
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  if (clinics) el.clinics = clinics;
  const errors: ClinicErrorEvent[] = [];
  el.addEventListener('clinic-error', (e) => errors.push(e));
  const parent = await fixture<HTMLDivElement>(html`<div></div>`);
  parent.append(el);
  await el.updateComplete;
  const root = el.shadowRoot!;
  const parts = (name: string, from: ParentNode = root) => [
    ...from.querySelectorAll<HTMLElement>(`[part~="${name}"]`),
  ];
  const part = (name: string, from: ParentNode = root) => {
    const found = parts(name, from)[0];
    if (!found) throw new Error(`no part ${name}`);
    return found;
  };
  const status = () => part('status').textContent!.replace(/\s+/g, ' ').trim();
  const statuses = [status()];
  new MutationObserver(() => {
    if (statuses.at(-1) !== status()) statuses.push(status());
  }).observe(root, { subtree: true, childList: true, characterData: true });
  const input = () => part('search-input') as HTMLInputElement;
  const type = (text: string) => {
    input().value = text;
    input().dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  };
  const submit = () => (part('search-button') as HTMLButtonElement).click();
  return {
    el,
    views,
    map: async () => {
      await waitUntil(() => views.length > 0, 'no map created');
      return views.at(-1)!;
    },
    part,
    parts,
    status,
    statuses,
    errors,
    input,
    type,
    submit,
    search: async (text: string) => {
      type(text);
      const event = oneEvent(el, 'clinic-search') as Promise<ClinicSearchEvent>;
      submit();
      const result = await event;
      await el.updateComplete;
      return result;
    },
    ids: () => parts('result').map((li) => li.dataset.id),
  };
}

/** Presses a key on the search input. */
export function press(h: Harness, key: string): void {
  h.input().dispatchEvent(
    new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }),
  );
}

/**
 * Holds every fetch whose URL contains `part` until `release()`, so the element stays in its
 * loading state as long as a test wants; `restore()` puts window.fetch back.
 */
export function holdFetch(part: string): { release: () => void; restore: () => void } {
  const original = window.fetch;
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const stub = sinon.stub(window, 'fetch').callsFake(async (input, init) => {
    if (String(input).includes(part)) await gate;
    return original(input, init);
  });
  return { release, restore: () => stub.restore() };
}

/** What the `heap-census` server command (web-test-runner.config.js) reports. */
export interface Census {
  /** Live objects of each class name asked for. */
  objects: Record<string, number>;
  /** Live DOM elements of each tag asked for. */
  elements: Record<string, number>;
  /** Bytes JavaScript holds (objects, closures, arrays, strings; compiled code left out). */
  objectBytes: number;
  metrics: { JSEventListeners: number; Nodes: number; JSHeapUsedSize: number };
}

/** Collects all garbage and counts what is alive (a heap snapshot): the leak tests. */
export function heapCensus(names: string[], tags: string[] = []): Promise<Census> {
  return executeServerCommand('heap-census', { names, tags }) as Promise<Census>;
}
