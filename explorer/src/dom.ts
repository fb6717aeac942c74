/** A few DOM helpers: the page is small enough not to need a UI framework (and its bundle). */

/** "1 paper", "3 papers": a count with its noun, plural when it is not one. */
export const counted = (count: number, noun: string) => `${count.toLocaleString('en')} ${count === 1 ? noun : `${noun}s`}`;

type Child = Node | string | number | null | undefined | false;

/** Creates an element with attributes (`on*` functions become listeners) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number | boolean | ((event: Event) => void) | undefined> = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.slice(2).toLowerCase(), value);
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from the page`);
  return element as T;
}

/** "2019–2024", "2021", or nothing. */
export const yearRange = (first: number | null | undefined, last: number | null | undefined) =>
  first == null ? '' : last == null || last === first ? String(first) : `${first}–${last}`;

const SIGNIFICANT = new Intl.NumberFormat('en', { maximumSignificantDigits: 3 });
const WHOLE = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });

/** A measured figure, to three significant digits, or whole (grouped) from 1,000 on: "0.153", "2.47", "12,346". */
export const figure = (value: number) => (Math.abs(value) >= 1000 ? WHOLE : SIGNIFICANT).format(value);
