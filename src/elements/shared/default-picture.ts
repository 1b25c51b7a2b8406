// The instance's default picture, for events that have none. Loaded only when a list shows such an
// event, asked once per instance, after the list is on screen: it never delays the events.
import type { MobilizonClient } from '../../sources/mobilizon/client.js';
import { getDefaultPicture } from '../../sources/mobilizon/default-picture.js';

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
      .then(() => getDefaultPicture(client))
      .catch(() => null);
    asked.set(client, picture);
  }
  return picture;
}
