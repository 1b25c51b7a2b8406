// Typed dates in the element's locale: a native <input type=date> shows the browser's own order
// (mm/dd/yyyy inside a French widget), so the filter bar uses a text field with the locale's pattern.
import { dateTimeFormat } from './intl.js';

const numeric = (locale: string) => dateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });

/** The locale's order of day, month and year, e.g. ['day', 'month', 'year'] for fr. */
function order(locale: string): Array<'day' | 'month' | 'year'> {
  return numeric(locale)
    .formatToParts(new Date(Date.UTC(2027, 10, 22)))
    .map((p) => p.type)
    .filter((t): t is 'day' | 'month' | 'year' => t === 'day' || t === 'month' || t === 'year');
}

/** A placeholder like "jj/mm/aaaa" (fr) or "mm/dd/yyyy" (en-US): the locale's order and separators, `words` the day, month and year's placeholders ("jj mm aaaa"). */
export function datePattern(locale: string, words: string): string {
  const [day, month, year] = words.split(' ');
  const letter = { day, month, year };
  return numeric(locale)
    .formatToParts(new Date(Date.UTC(2027, 10, 22)))
    .map((p) => (p.type === 'day' || p.type === 'month' || p.type === 'year' ? letter[p.type] : p.value.replace(/[\u200e\u200f\u061c]/g, '')))
    .join('');
}

/** YYYY-MM-DD as the locale writes it (empty for nothing). */
export const showDate = (iso: string | undefined, locale: string): string =>
  iso && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? numeric(locale).format(new Date(`${iso}T00:00:00Z`)) : '';

/** What a visitor typed, in the locale's order, as YYYY-MM-DD; '' for nothing; null when it is no date. */
export function readDate(text: string, locale: string): string | null {
  // Arabic-Indic and Persian digits count as digits.
  const latin = text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (c) => String((c.charCodeAt(0) & 0xf) % 10));
  const numbers = latin.match(/\d+/g);
  if (!numbers) return latin.trim() ? null : '';
  if (numbers.length !== 3) return null;
  const value: Record<string, number> = {};
  order(locale).forEach((part, i) => (value[part] = Number(numbers[i])));
  if (value.year < 100) value.year += 2000;
  const date = new Date(Date.UTC(value.year, value.month - 1, value.day));
  if (date.getUTCDate() !== value.day || date.getUTCMonth() !== value.month - 1) return null;
  return date.toISOString().slice(0, 10);
}
