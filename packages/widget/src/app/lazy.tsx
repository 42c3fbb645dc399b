import type { ComponentType, VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A component that is a chunk of its own, loaded when it is first drawn (what few conversations
 * show: pictures and voice notes, the pre-chat form); `fallback` is drawn meanwhile, and for good
 * when the chunk cannot load. One load for every instance.
 */
export function lazy<P extends object>(load: () => Promise<ComponentType<P>>, fallback: (props: P) => VNode | null): (props: P) => VNode | null {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P> | undefined> | undefined;
  return function Lazy(props: P) {
    const [View, setView] = useState(() => loaded);
    useEffect(() => {
      if (!View) void (loading ??= load().then((v) => (loaded = v), () => undefined)).then((v) => v && setView(() => v));
    }, []);
    return View ? <View {...props} /> : fallback(props);
  };
}
