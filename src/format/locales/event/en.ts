// Words of <mobilizon-event>: loaded with it.
export const messages = {
  cancelledNotice: 'This event has been cancelled.',
  tentativeNotice: 'This event is not confirmed yet.',
  date: 'Date',
  place: 'Place',
  online: 'Online',
  organiser: 'Organiser',
  tags: 'Tags',
  category: 'Category',
  language: 'Language',
  participants: 'Participants',
  price: 'Price',
  conditions: 'Conditions',
  addToCalendar: 'Add to my calendar',
  icalFile: 'iCal file from {instance}',
  map: 'See on the map',
  joinOnline: 'Join online',
  liveStream: 'Live stream',
  videoCall: 'Video conference',
  replay: 'Replay',
  link: 'Link',
  free: 'Free',
  openOnInstance: 'See this event on {instance}',
  phone: 'Phone',
  about: 'About',
};

export type EventKey = keyof typeof messages;
