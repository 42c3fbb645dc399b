/** `nativeLifecycle`: what AppState and NetInfo tell the core. */
import type { AppLifecycleEvent, AppStateLike } from '@tickki/chat';
import { nativeLifecycle } from '../src/index';

function sources() {
  let app: (state: string) => void = () => undefined;
  let net: (state: { isConnected: boolean | null; isInternetReachable?: boolean | null }) => void = () => undefined;
  const appState: AppStateLike = { currentState: 'active', addEventListener: (_t, l) => ((app = l), { remove: jest.fn() }) };
  const netInfo = { addEventListener: jest.fn((l: typeof net) => ((net = l), jest.fn())) };
  return { appState, netInfo, app: (s: string) => app(s), net: (s: Parameters<typeof net>[0]) => net(s) };
}

it('turns AppState and NetInfo changes into visible / hidden / online / offline', () => {
  const { appState, netInfo, app, net } = sources();
  const events: AppLifecycleEvent[] = [];
  const stop = nativeLifecycle(appState, netInfo).subscribe((e) => events.push(e));
  net({ isConnected: true, isInternetReachable: null }); // first report, online: nothing to say
  app('inactive'); // iOS transition: ignored
  app('background');
  app('active');
  net({ isConnected: true, isInternetReachable: false });
  net({ isConnected: false, isInternetReachable: false }); // still offline: no repeat
  net({ isConnected: true, isInternetReachable: null }); // reachability unknown yet: online
  expect(events).toEqual(['hidden', 'visible', 'offline', 'online']);
  stop();
  expect(netInfo.addEventListener.mock.results[0]!.value).toHaveBeenCalled();
});

it('reports a device that starts offline', () => {
  const { appState, netInfo, net } = sources();
  const events: AppLifecycleEvent[] = [];
  nativeLifecycle(appState, netInfo).subscribe((e) => events.push(e));
  net({ isConnected: false });
  net({ isConnected: true });
  expect(events).toEqual(['offline', 'online']);
});

it('works without NetInfo (AppState only)', () => {
  const { appState, app } = sources();
  const events: AppLifecycleEvent[] = [];
  nativeLifecycle(appState, null).subscribe((e) => events.push(e));
  app('background');
  expect(events).toEqual(['hidden']);
});
