import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { en } from '../messages/en.js';
import { messagesFor } from '../messages/index.js';
import type { CoreMessages, Messages } from '../messages/messages.js';

/**
 * The widget's language: its `lang`, else the nearest `lang` ancestor's, else the page's.
 * Languages other than English load on first use; the widget shows English meanwhile, for a
 * moment, and renders again when they arrive. (Not `@lit/task`: the answer is synchronous for
 * English and for a language already loaded, and a task would put every render through a
 * pending state first.)
 */
export class LanguageController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  /** The language asked for and, once loaded, its strings. */
  #language: { lang: string; messages: Messages | undefined } | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  // The widget's own `lang` attribute can change at any time: render again in that language.
  #observer: MutationObserver | undefined;

  hostConnected(): void {
    this.#observer = new MutationObserver(() => this.#host.requestUpdate());
    this.#observer.observe(this.#host, { attributes: true, attributeFilter: ['lang'] });
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
  }

  /**
   * The strings to render with now (English until another language has loaded). English comes
   * without the results' strings (see `ResultMessages`): the results' chunk brings them.
   */
  get messages(): CoreMessages | Messages {
    const host = this.#host;
    const lang =
      host.getAttribute('lang') ||
      host.parentElement?.closest('[lang]')?.getAttribute('lang') ||
      document.documentElement.lang;
    const messages = messagesFor(lang);
    if (!(messages instanceof Promise)) return messages;
    if (this.#language?.lang !== lang) {
      this.#language = { lang, messages: undefined };
      const pending = this.#language;
      messages.then(
        (loaded) => {
          pending.messages = loaded;
          host.requestUpdate();
        },
        () => undefined, // stays in English
      );
    }
    return this.#language.messages ?? en;
  }
}
