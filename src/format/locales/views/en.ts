// Words of the views, the filter bar and the details dialog: loaded with them, not by plain lists.
export const messages = {
  allDay: 'All day',
  filterLabel: 'Filter events',
  searchLabel: 'Search',
  searchPlaceholder: 'Words, places, tags…',
  typeLabel: 'Where',
  typeAny: 'Anywhere',
  inPerson: 'In person',
  fromLabel: 'From',
  toLabel: 'To',
  tagsLabel: 'Tags',
  dateWords: 'dd mm yyyy',
  dateInvalid: 'Write the date as {pattern}.',
  clearFilters: 'Clear filters',
  close: 'Close',
  previousMonth: 'Previous month',
  nextMonth: 'Next month',
  today: 'Today',
  moreEvents: { one: '+{count} more', other: '+{count} more' },
  windowCeiling: 'Showing the first {count} of {total} events of this period.',
  eventsOn: 'Events on {date}',
  timesIn: 'Times in {zone}',
  showLocalTimes: 'Show times in my time zone ({zone})',
  showEventTimes: 'Show times in each event’s time zone',
};

export type ViewKey = keyof typeof messages;
