// One event vocabulary for every source, shaped like ActivityPub / FEP-8a8e `Event`, so Mobilizon,
// iCal feeds and (later) ActivityPub objects render through the same code.

export type EventStatus = 'TENTATIVE' | 'CONFIRMED' | 'CANCELLED';
/** Mobilizon's `joinOptions`, lower-cased as ActivityPub's `joinMode`. Unknown values are kept as text. */
export type JoinMode = 'free' | 'restricted' | 'invite' | 'external' | (string & {});

export interface Image {
  url: string;
  name: string | null;
  width: number | null;
  height: number | null;
}

export interface Place {
  type: 'Place';
  /** The venue's own name ("Salle des fêtes"), as Mobilizon's `description`. */
  name: string | null;
  address: {
    streetAddress: string | null;
    postalCode: string | null;
    addressLocality: string | null;
    addressRegion: string | null;
    addressCountry: string | null;
  };
  latitude: number | null;
  longitude: number | null;
  /** IANA zone of the place, when the source knows it. */
  timezone: string | null;
}

export interface VirtualLocation {
  type: 'VirtualLocation';
  url: string | null;
}

export interface Actor {
  type: 'Group' | 'Person' | 'Application' | 'Organization' | 'Service';
  /** `name@domain` for remote actors, `name` for local ones. */
  handle: string;
  name: string;
  url: string | null;
  icon: string | null;
}

export interface Tag {
  name: string;
  slug: string;
}

export interface EventModel {
  type: 'Event';
  /** Stable identity across sources and pages (Mobilizon: uuid; iCal: UID + occurrence). */
  uuid: string;
  /** Where the event's own page lives (origin instance for remote events). */
  url: string | null;
  name: string;
  /** Description as the source gives it: untrusted. HTML (sanitize before rendering) or plain text, per `mediaType`. */
  content: string | null;
  /** What `content` is: Mobilizon sends HTML, iCal feeds plain text (show it with its line breaks, never as markup). */
  mediaType: 'text/html' | 'text/plain';
  /** UTC instants as ISO strings with `Z`. */
  startTime: string;
  endTime: string | null;
  /** The event's own IANA zone, or null when the source gives none. */
  timezone: string | null;
  location: Array<Place | VirtualLocation>;
  isOnline: boolean;
  status: EventStatus;
  joinMode: JoinMode | null;
  externalParticipationUrl: string | null;
  category: string | null;
  tag: Tag[];
  image: Image | null;
  inLanguage: string | null;
  /** The group (or person) that publishes the event. */
  attributedTo: Actor | null;
  organizers: Actor[];
  maximumAttendeeCapacity: number | null;
  remainingAttendeeCapacity: number | null;
  participantCount: number | null;
  anonymousParticipationEnabled: boolean;
  display: {
    showStartTime: boolean;
    showEndTime: boolean;
    hideNumberOfParticipants: boolean;
  };
  source: MobilizonSource | IcsSource;
}

/** What only Mobilizon has: the internal id `joinEvent` needs, locality, the instance. */
export interface MobilizonSource {
  kind: 'mobilizon';
  instance: string;
  id: string;
  local: boolean;
  /** Found through global search: a copy of an event on another instance. */
  global: boolean;
  /** Only when the whole event was fetched (its page). */
  details?: EventDetails;
}

/** What an event's page shows beyond a list's card (Mobilizon's options and metadata). */
export interface EventDetails {
  phone: string | null;
  /** Prices, shown when the organiser chose to (`showPrice`). */
  offers: Array<{ price: number | null; currency: string | null; url: string | null }>;
  showPrice: boolean;
  /** Conditions a participant accepts (code of conduct, terms…). */
  conditions: Array<{ title: string | null; content: string | null; url: string | null }>;
  /** Links Mobilizon shows from the event's metadata (live stream, visio…), http(s) only. */
  links: Array<{ key: string; title: string | null; url: string }>;
  hideOrganizerWhenGroupEvent: boolean;
}

export interface IcsSource {
  kind: 'ics';
  feed: string;
  uid: string;
}

export interface EventPage {
  total: number;
  events: EventModel[];
}

export const placeOf = (event: EventModel): Place | undefined =>
  event.location.find((l): l is Place => l.type === 'Place');
