// Error messages load only when something fails: no page pays for them up front.
export const messages = {
  errorNetwork: 'Could not reach {instance}. Check the connection and try again.',
  errorTimeout: '{instance} took too long to answer.',
  errorHttp: '{instance} answered with an error (HTTP {status}).',
  errorInvalid: '{instance} sent an answer that is not a Mobilizon answer.',
  errorUnexpected: '{instance} answered in an unexpected way (a newer or changed version?).',
  errorGraphql: '{instance} reported an error: {message}',
  errorGroupNotFound: 'The group “{group}” does not exist on {instance}.',
  errorLimitReached: '{instance} refuses to list that many events at once.',
  errorNoInstance: 'This widget needs an instance address, for example instance="mobilizon.fr".',
  errorBadInstance: '“{instance}” is not the address of a Mobilizon instance.',
  errorBadValue: 'Unknown {name} “{value}”. Use one of: {values}.',
  errorBadDate: '{name}="{value}" is not a date; write it as YYYY-MM-DD.',
  errorFromAfterTo: 'The first day ({from}) comes after the last day ({to}).',
  errorBadFeed: '“{url}” is not the address of an iCal feed.',
  errorFeedNetwork: 'The calendar {feed} could not be reached (or it does not allow other sites to read it).',
  errorFeedTimeout: 'The calendar {feed} took too long to answer; the other events are shown.',
  errorFeedHttp: 'The calendar {feed} answered with an error (HTTP {status}).',
  errorFeedNotIcs: 'The calendar {feed} is not an iCal feed.',
  errorFeedMalformed: 'The calendar {feed} could not be read: its iCal data is damaged.',
  errorEventNotFound: 'This event does not exist on {instance}, or it is not public.',
  errorNoEvent: 'Give the element an event: uuid="…" with an instance, or url="https://…/events/…".',
};

export type ErrorKey = keyof typeof messages;
