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

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const text = input.value.trim();
    if (text.length < 2) return close();
    timer = setTimeout(async () => {
      pending?.abort();
      const controller = (pending = new AbortController());
      try {
        options = await search(text, controller.signal);
        active = options.length ? 0 : -1;
        render();
      } catch (error) {
        if ((error as Error).name !== 'AbortError') onError(error);
      }
    }, DEBOUNCE_MS);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!options.length) return;
      event.preventDefault();
      active = (active + (event.key === 'ArrowDown' ? 1 : -1) + options.length) % options.length;
      render();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (active >= 0) pick(active);
    } else if (event.key === 'Escape') close();
  });
  input.addEventListener('blur', () => setTimeout(close, 100));
}
