// A complete EventModel for tests that build events by hand: each test overrides what it is about.
import type { EventModel } from '../../src/model/event.js';

export function modelEvent(overrides: Partial<EventModel> = {}): EventModel {
  return {
    type: 'Event',
    uuid: '00000000-0000-4000-8000-000000000001',
    url: 'https://mobilizon.example/events/00000000-0000-4000-8000-000000000001',
    name: 'Event',
    content: null,
    mediaType: 'text/html',
    startTime: '2030-06-02T10:00:00.000Z',
    endTime: '2030-06-02T12:00:00.000Z',
    timezone: 'Europe/Paris',
    location: [],
    isOnline: false,
    status: 'CONFIRMED',
    joinMode: 'free',
    externalParticipationUrl: null,
    category: null,
    tag: [],
    image: null,
    inLanguage: null,
    attributedTo: null,
    organizers: [],
    maximumAttendeeCapacity: null,
    remainingAttendeeCapacity: null,
    participantCount: null,
    anonymousParticipationEnabled: false,
    display: { showStartTime: true, showEndTime: true, hideNumberOfParticipants: false },
    source: { kind: 'mobilizon', instance: 'https://mobilizon.example', id: '1', local: true, global: false },
    ...overrides,
  };
}
