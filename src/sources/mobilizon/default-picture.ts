// The instance's default picture (`config.defaultPicture`), for events that have none. Its own small
// operation rather than the whole config; servers before 4.1 do not know the field (then null).
import { safeUrl } from '../../model/url.js';
import type { MobilizonClient } from './client.js';
import DefaultPicture from './operations/DefaultPicture.graphql';

/** The picture's address, or null (none configured, or a server that does not know the field). */
export function getDefaultPicture(client: MobilizonClient): Promise<string | null> {
  return client.query(DefaultPicture, {}, {
    freshFor: 3600_000,
    map: (data: { config?: { defaultPicture?: { url?: string | null } | null } | null }) => safeUrl(data.config?.defaultPicture?.url) ?? null,
  });
}
