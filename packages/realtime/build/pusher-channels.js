// pusher-js's `core/channels/channels`, for ES2022: the same channel table, its channels made by
// their classes rather than through `core/utils/factory` (whose makers do no more). The log suffix of
// the encrypted-channel error is this build's `url_store`'s: none.
import Channel from 'core/channels/channel';
import PrivateChannel from 'core/channels/private_channel';
import PresenceChannel from 'core/channels/presence_channel';
import EncryptedChannel from 'core/channels/encrypted_channel';
import { BadChannelName, UnsupportedFeature } from 'core/errors';

export default class Channels {
  channels = {};

  add(name, pusher) {
    return (this.channels[name] ||= createChannel(name, pusher));
  }

  all() {
    return Object.values(this.channels);
  }

  find(name) {
    return this.channels[name];
  }

  remove(name) {
    const channel = this.channels[name];
    delete this.channels[name];
    return channel;
  }

  disconnect() {
    for (const channel of Object.values(this.channels)) channel.disconnect();
  }
}

function createChannel(name, pusher) {
  if (name.indexOf('private-encrypted-') === 0) {
    if (pusher.config.nacl) return new EncryptedChannel(name, pusher, pusher.config.nacl);
    throw new UnsupportedFeature('Tried to subscribe to a private-encrypted- channel but no nacl implementation available. ');
  }
  if (name.indexOf('private-') === 0) return new PrivateChannel(name, pusher);
  if (name.indexOf('presence-') === 0) return new PresenceChannel(name, pusher);
  if (name.indexOf('#') === 0) throw new BadChannelName('Cannot create a channel with name "' + name + '".');
  return new Channel(name, pusher);
}
