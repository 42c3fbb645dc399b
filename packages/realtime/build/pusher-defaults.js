// pusher-js's `core/defaults`, without the CDN settings (`cdn_http`, `cdn_https`, `dependency_suffix`:
// for the web runtime's script loader, which this build leaves out).
export default {
  VERSION,
  PROTOCOL: 7,
  wsPort: 80,
  wssPort: 443,
  wsPath: '',
  httpHost: 'sockjs.pusher.com',
  httpPort: 80,
  httpsPort: 443,
  httpPath: '/pusher',
  stats_host: 'stats.pusher.com',
  authEndpoint: '/pusher/auth',
  authTransport: 'ajax',
  activityTimeout: 120000,
  pongTimeout: 30000,
  unavailableTimeout: 10000,
  userAuthentication: { endpoint: '/pusher/user-auth', transport: 'ajax' },
  channelAuthorization: { endpoint: '/pusher/auth', transport: 'ajax' },
};
