// Opening a test page with the built widget in an iframe, as a visitor's browser would load it.
import { waitUntil } from '@open-wc/testing';

/**
 * Loads `path` in a sized iframe and waits until <clinic-locator> is defined there (and, when the
 * page has one, rendered its form). `W` types the page's own test hooks on its window.
 */
export async function openPage<W extends Window = Window>(
  path: string,
  { width = 1100, height = 900 }: { width?: number; height?: number } = {},
): Promise<{ win: W & typeof globalThis; doc: Document; frame: HTMLIFrameElement }> {
  const frame = document.createElement('iframe');
  frame.style.width = `${width}px`;
  frame.style.height = `${height}px`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = path;
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as W & typeof globalThis;
  await waitUntil(() => win.customElements.get('clinic-locator'), 'element not defined', {
    timeout: 10_000,
  });
  const doc = frame.contentDocument!;
  const element = doc.querySelector('clinic-locator');
  if (element) await waitUntil(() => element.shadowRoot?.querySelector('form'), 'not rendered');
  return { win, doc, frame };
}
