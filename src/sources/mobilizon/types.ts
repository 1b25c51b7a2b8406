// Shapes of what the operations in ./operations select, as Mobilizon returns them. Every field may be
// null on some version or for some event; the mapper is the only reader.
export interface RawMedia {
  id?: string | null;
  url?: string | null;
  name?: string | null;
  alt?: string | null;
  metadata?: { width?: number | null; height?: number | null } | null;
}

export interface RawActor {
  id?: string | null;
  type?: string | null;
  preferredUsername?: string | null;
  name?: string | null;
  domain?: string | null;
  url?: string | null;
  avatar?: RawMedia | null;
}

export interface RawAddress {
  id?: string | null;
  description?: string | null;
  street?: string | null;
  locality?: string | null;
  postalCode?: string | null;
  region?: string | null;
  country?: string | null;
  geom?: string | null;
  timezone?: string | null;
}

export interface RawEventOptions {
  hideOrganizerWhenGroupEvent?: boolean | null;
  showParticipationPrice?: boolean | null;
  offers?: Array<{ price?: number | null; priceCurrency?: string | null; url?: string | null } | null> | null;
  participationConditions?: Array<{ title?: string | null; content?: string | null; url?: string | null } | null> | null;
  maximumAttendeeCapacity?: number | null;
  anonymousParticipation?: boolean | null;
  hideNumberOfParticipants?: boolean | null;
  showStartTime?: boolean | null;
  showEndTime?: boolean | null;
  timezone?: string | null;
  isOnline?: boolean | null;
}

export interface RawEvent {
  __typename?: string;
  id?: string | null;
  uuid?: string | null;
  url?: string | null;
  local?: boolean | null;
  title?: string | null;
  description?: string | null;
  beginsOn?: string | null;
  endsOn?: string | null;
  status?: string | null;
  joinOptions?: string | null;
  externalParticipationUrl?: string | null;
  category?: string | null;
  language?: string | null;
  picture?: RawMedia | null;
  physicalAddress?: RawAddress | null;
  onlineAddress?: string | null;
  attributedTo?: RawActor | null;
  organizerActor?: RawActor | null;
  tags?: Array<{ id?: string | null; slug?: string | null; title?: string | null } | null> | null;
  participantStats?: { participant?: number | null } | null;
  options?: RawEventOptions | null;
  phoneAddress?: string | null;
  metadata?: Array<{ key?: string | null; title?: string | null; value?: string | null; type?: string | null } | null> | null;
}

export interface RawPage<T> {
  total?: number | null;
  elements?: Array<T | null> | null;
}

export interface RawConfig {
  name?: string | null;
  description?: string | null;
  version?: string | null;
  languages?: string[] | null;
  anonymous?: {
    participation?: {
      allowed?: boolean | null;
      validation?: {
        email?: { enabled?: boolean | null; confirmationRequired?: boolean | null } | null;
        captcha?: { enabled?: boolean | null } | null;
      } | null;
    } | null;
    actorId?: string | null;
  } | null;
  instanceFeeds?: { enabled?: boolean | null } | null;
  search?: { global?: { isEnabled?: boolean | null; isDefault?: boolean | null } | null } | null;
}

export interface RawGroup extends RawActor {
  local?: boolean | null;
  summary?: string | null;
  openness?: string | null;
  manuallyApprovesFollowers?: boolean | null;
  followersCount?: number | null;
  membersCount?: number | null;
  banner?: RawMedia | null;
  physicalAddress?: RawAddress | null;
}

export interface RawPost {
  id?: string | null;
  slug?: string | null;
  url?: string | null;
  title?: string | null;
  body?: string | null;
  publishAt?: string | null;
  insertedAt?: string | null;
  updatedAt?: string | null;
  language?: string | null;
  picture?: RawMedia | null;
  author?: RawActor | null;
  attributedTo?: RawActor | null;
  tags?: Array<{ slug?: string | null; title?: string | null } | null> | null;
}
