// pusher-js's `core/config`, shorter: the same config for any options, field for field and in the same
// order, with the same defaults and the same rules, and the user authenticator and channel authorizer
// built by the same modules with the same arguments (this build's stand-ins, imported as pusher-js
// does: the built-in ones and the deprecated `authorizer` throw alike). Only the order in which the
// options are read and those modules called differs, which nothing in them can tell.
import Defaults from 'core/defaults';
import UserAuthenticator from 'core/auth/user_authenticator';
import ChannelAuthorizer from 'core/auth/channel_authorizer';
import { ChannelAuthorizerProxy } from 'core/auth/deprecated_channel_authorizer';
import Runtime from 'runtime';

export function getConfig(opts, pusher) {
  let channelAuthorization;
  if ('channelAuthorization' in opts) channelAuthorization = { ...Defaults.channelAuthorization, ...opts.channelAuthorization };
  else {
    channelAuthorization = { transport: opts.authTransport || Defaults.authTransport, endpoint: opts.authEndpoint || Defaults.authEndpoint };
    if ('auth' in opts) {
      if ('params' in opts.auth) channelAuthorization.params = opts.auth.params;
      if ('headers' in opts.auth) channelAuthorization.headers = opts.auth.headers;
    }
    if ('authorizer' in opts) channelAuthorization.customHandler = ChannelAuthorizerProxy(pusher, channelAuthorization, opts.authorizer);
  }
  const userAuthentication = { ...Defaults.userAuthentication, ...opts.userAuthentication };
  const config = {};
  // each with its default but the cluster, in pusher-js's order (the stats host's default is `stats_host`)
  for (const key of 'activityTimeout cluster httpPath httpPort httpsPort pongTimeout statsHost unavailableTimeout wsPath wsPort wssPort'.split(' '))
    config[key] = key === 'cluster' ? opts.cluster : opts[key] || Defaults[key === 'statsHost' ? 'stats_host' : key];
  Object.assign(config, {
    enableStats: 'enableStats' in opts ? opts.enableStats : 'disableStats' in opts && !opts.disableStats,
    httpHost: opts.httpHost || (opts.cluster ? `sockjs-${opts.cluster}.pusher.com` : Defaults.httpHost),
    useTLS: Runtime.getProtocol() === 'https:' || opts.forceTLS !== false,
    wsHost: opts.wsHost || `ws-${opts.cluster}.pusher.com`,
    // pusher-js's `'customHandler' in auth && auth.customHandler != null`
    userAuthenticator: userAuthentication.customHandler ?? UserAuthenticator(userAuthentication),
    channelAuthorizer: channelAuthorization.customHandler ?? ChannelAuthorizer(channelAuthorization),
  });
  for (const key of 'disabledTransports enabledTransports ignoreNullOrigin timelineParams nacl'.split(' ')) if (key in opts) config[key] = opts[key];
  return config;
}
