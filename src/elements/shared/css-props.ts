// Inline styles through CSSOM. A `style="…"` attribute (what a Lit binding such as
// `style="aspect-ratio: ${x}"` or styleMap's first render writes) is refused by a page whose
// Content-Security-Policy has `style-src` without 'unsafe-inline'; setting `element.style` is not.
import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

class CssPropsDirective extends Directive {
  private names = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('cssProps() belongs on an element, not in an attribute');
  }

  render(_props: Record<string, string | null | undefined>) {
    return noChange;
  }

  override update(part: ElementPart, [props]: Parameters<this['render']>) {
    const { style } = part.element as HTMLElement;
    for (const name of this.names) if (props[name] == null) style.removeProperty(name);
    this.names = new Set(Object.keys(props).filter((name) => props[name] != null));
    for (const name of this.names) style.setProperty(name, props[name]!);
    return noChange;
  }
}

/** On an element: sets these CSS properties (`{'aspect-ratio': '4 / 3'}`) on its `style`, never as an attribute. */
export const cssProps = directive(CssPropsDirective);
