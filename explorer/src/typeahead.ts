/**
 * A search box with suggestions, as the WAI-ARIA combobox pattern has it: typing asks the server
 * (debounced, the previous request cancelled), arrow keys move through the suggestions, Enter
 * chooses, Escape closes.
 */
import { h } from './dom';

export interface Option {
  id: string;
  label: string;
  detail?: string;
}

export interface TypeaheadOptions {
  input: HTMLInputElement;
  list: HTMLUListElement;
  search(text: string, signal: AbortSignal): Promise<Option[]>;
  choose(option: Option): void;
  onError(error: unknown): void;
}

const DEBOUNCE_MS = 150;

export function typeahead({ input, list, search, choose, onError }: TypeaheadOptions) {
  let options: Option[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: AbortController | null = null;
  /** The text the options shown are for; Enter on a newer text waits for its own options. */
  let shownFor = '';
  let pickWhenShown = false;

  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', list.id);
  input.setAttribute('aria-expanded', 'false');
  input.autocomplete = 'off';
  list.setAttribute('role', 'listbox');

  const render = () => {
    list.replaceChildren(
      ...options.map((option, index) =>
        h(
          'li',
          {
            id: `${list.id}-${index}`,
            role: 'option',
            'aria-selected': index === active ? 'true' : 'false',
            onmousedown: (event) => {
              event.preventDefault();
              pick(index);
            },
          },
          option.label,
          option.detail ? h('small', {}, ` ${option.detail}`) : null,
        ),
      ),
    );
    input.setAttribute('aria-expanded', options.length ? 'true' : 'false');
    if (active >= 0) input.setAttribute('aria-activedescendant', `${list.id}-${active}`);
    else input.removeAttribute('aria-activedescendant');
  };
  const close = () => {
    options = [];
    shownFor = '';
    active = -1;
    render();
  };
  const pick = (index: number) => {
    const option = options[index];
    if (!option) return;
    input.value = option.label;
    close();
    choose(option);
  };

  const runSearch = async (text: string) => {
    pending?.abort();
    const controller = (pending = new AbortController());
    try {
      options = await search(text, controller.signal);
      shownFor = text;
      active = options.length ? 0 : -1;
      render();
      if (pickWhenShown) {
        pickWhenShown = false;
        pick(active);
      }
    } catch (error) {
      if ((error as Error).name !== 'AbortError') onError(error);
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    pickWhenShown = false;
    const text = input.value.trim();
    if (text.length < 2) return close();
    timer = setTimeout(() => void runSearch(text), DEBOUNCE_MS);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!options.length) return;
      event.preventDefault();
      active = (active + (event.key === 'ArrowDown' ? 1 : -1) + options.length) % options.length;
      render();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const text = input.value.trim();
      if (shownFor === text || text.length < 2) return pick(active);
      // Typed faster than the options came (or within the debounce): the list still shows an
      // earlier prefix's matches ("Ba" lists Aishwarya Bandaru first), so ask for this text now
      // and pick its first match when it comes.
      clearTimeout(timer);
      pickWhenShown = true;
      void runSearch(text);
    } else if (event.key === 'Escape') close();
  });
  input.addEventListener('blur', () => setTimeout(close, 100));
}
