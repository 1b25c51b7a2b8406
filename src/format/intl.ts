// One cache of Intl.DateTimeFormat objects for every module: building one costs far more than using it.
const formats = new Map<string, Intl.DateTimeFormat>();

/** The shared formatter for a locale and options (created on first use). */
export function dateTimeFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ''} ${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}
