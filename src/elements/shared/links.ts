// Links every element draws: whether a click is a plain one (ours to handle) and whether a link leaves the site.

/** A plain left click: ours to handle. A modified one (new tab, new window, download) is the browser's. */
export const isPlainClick = (e: MouseEvent): boolean => e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey;

export const isOtherOrigin = (href: string): boolean => {
  try {
    return new URL(href, location.href).origin !== location.origin;
  } catch {
    return true;
  }
};
