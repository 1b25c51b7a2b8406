// The instance's default picture, for events that have none. Loaded only when a list shows such an
// event, asked once per instance, after the list is on screen: it never delays the events.
import { safeUrl } from '../../model/url.js';
import type { MobilizonClient } from '../../sources/mobilizon/client.js';
import DefaultPicture from '../../sources/mobilizon/operations/DefaultPicture.graphql';

const asked = new WeakMap<MobilizonClient, Promise<string | null>>();

/** The picture's address, or null (none configured, an older server, no usable instance, or no answer). */
export function defaultPicture(clientOf: () => MobilizonClient): Promise<string | null> {
  let client: MobilizonClient;
  try {
    client = clientOf();
  } catch {
    return Promise.resolve(null);
  }
  let picture = asked.get(client);
  if (!picture) {
    picture = new Promise((painted) => requestAnimationFrame(() => setTimeout(painted)))
      .then(() =>
        client.query(DefaultPicture, {}, {
          freshFor: 3600_000,
          map: (data: { config?: { defaultPicture?: { url?: string | null } | null } | null }) => safeUrl(data.config?.defaultPicture?.url) ?? null,
        }),
      )
      .catch(() => null);
    asked.set(client, picture);
  }
  return picture;
}
