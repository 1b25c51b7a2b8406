// Which client answers an element: the one rule for every element, from `instance`, an event's own
// instance (an event URL, or an event handed over by another element) and `endpoint`.
import { ConfigurationError } from '../../model/configuration-error.js';
import { MobilizonClient } from '../../sources/mobilizon/client.js';
import { normalizeInstance } from '../../sources/mobilizon/instance.js';

export interface ClientAttributes {
  instance?: string | null;
  endpoint?: string | null;
}

/**
 * The shared client for an element, or a ConfigurationError saying what is wrong.
 * An event that names its own instance (`eventInstance`) is read there. With an `endpoint` (the
 * WordPress plugin's privacy proxy) every request goes through the proxy, even for an event of
 * another instance: the proxy's instance answers for the events it knows by federation, and the
 * visitor's browser talks to no other host. Registration for such an event then links to its origin,
 * as Mobilizon's own rule says (only local events take anonymous participants).
 */
export function resolveClient({ instance, endpoint }: ClientAttributes, eventInstance?: string | null): MobilizonClient {
  if (eventInstance) return MobilizonClient.for(eventInstance, { endpoint });
  if (!instance?.trim()) throw new ConfigurationError('errorNoInstance');
  if (!normalizeInstance(instance)) throw new ConfigurationError('errorBadInstance', { instance });
  return MobilizonClient.for(instance, { endpoint });
}
