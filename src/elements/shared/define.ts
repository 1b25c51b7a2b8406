/**
 * Registers a custom element unless that name is taken, so the library can be loaded twice on a page
 * (WordPress plus a pasted tag) without "has already been used with this registry" errors.
 */
export function define(name: string, constructor: CustomElementConstructor): void {
  if (!customElements.get(name)) customElements.define(name, constructor);
}
