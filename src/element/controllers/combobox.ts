import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** One suggestion in the listbox. */
export interface ComboOption<T> {
  /** Stable key for rendering. */
  key: string;
  /** What the option reads as, e.g. `Grand Rapids, MI`. */
  label: string;
  /** A second, quieter line, e.g. the clinic's town. */
  detail?: string;
  value: T;
}

/**
 * Keyboard and open/active state of an ARIA 1.2 combobox with a listbox popup (the APG "list
 * autocomplete" pattern). The host renders; this keeps the state and handles the keys.
 * Up/Down move the active option (opening the list), Enter chooses it, Escape closes the list
 * (and, when it is already closed, clears the input), Tab closes it without choosing.
 */
export class ComboboxController<T> implements ReactiveController {
  options: readonly ComboOption<T>[] = [];
  open = false;
  /** Index of the active (visually focused) option, or -1. */
  active = -1;

  readonly #host: ReactiveControllerHost;
  readonly #choose: (option: ComboOption<T>) => void;

  constructor(host: ReactiveControllerHost, choose: (option: ComboOption<T>) => void) {
    this.#host = host;
    this.#choose = choose;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.close();
  }

  /** Replaces the options in one step (the old ones stay until then: no flicker). */
  setOptions(options: readonly ComboOption<T>[]): void {
    const activeKey = this.options[this.active]?.key;
    this.options = options;
    this.open = options.length > 0;
    this.active = activeKey === undefined ? -1 : options.findIndex((o) => o.key === activeKey);
    this.#host.requestUpdate();
  }

  close(): void {
    if (!this.open && this.active === -1) return;
    this.open = false;
    this.active = -1;
    this.#host.requestUpdate();
  }

  /** The id of option `index`, for `aria-activedescendant`. */
  optionId(index: number): string {
    return `suggestion-${index}`;
  }

  get activeId(): string | undefined {
    return this.open && this.active >= 0 ? this.optionId(this.active) : undefined;
  }

  choose(option: ComboOption<T>): void {
    this.close();
    this.#choose(option);
  }

  handleKeydown = (event: KeyboardEvent): void => {
    const count = this.options.length;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (!count) return;
        event.preventDefault();
        const down = event.key === 'ArrowDown';
        if (!this.open) {
          this.open = true;
          this.active = down ? 0 : count - 1;
        } else if (down) {
          this.active = this.active >= count - 1 ? 0 : this.active + 1;
        } else {
          this.active = this.active <= 0 ? count - 1 : this.active - 1;
        }
        this.#host.requestUpdate();
        return;
      }
      case 'Enter': {
        const option = this.open ? this.options[this.active] : undefined;
        if (!option) {
          this.close();
          return; // the form submits what was typed
        }
        event.preventDefault();
        this.choose(option);
        return;
      }
      case 'Escape': {
        if (this.open) {
          event.preventDefault();
          this.close();
        } else if (event.target instanceof HTMLInputElement && event.target.value) {
          event.preventDefault();
          event.target.value = '';
        }
        return;
      }
      case 'Tab':
        this.close();
        return;
    }
  };
}
