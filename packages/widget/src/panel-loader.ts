import type { Lifecycle } from './lifecycle.js';
import type { LoadApp, WidgetApp, WidgetHost } from './types.js';

/**
 * Loads and mounts the panel once, moving the element's {@link Lifecycle} to `loading` and
 * `mounted`; a load that a removal or a newer load overtook ({@link PanelLoader.drop}) mounts nothing.
 */
export class PanelLoader {
  /** The mounted panel. */
  app: WidgetApp | undefined;
  #loading: Promise<WidgetApp | undefined> | undefined;
  /** Counts loads: only the newest may mount. */
  #generation = 0;
  readonly #import: LoadApp;
  readonly #life: Lifecycle;
  readonly #fail: (error: unknown) => void;

  /** `fail` hears what threw while loading or mounting (after {@link PanelLoader.drop}). */
  constructor(load: LoadApp, life: Lifecycle, fail: (error: unknown) => void) {
    this.#import = load;
    this.#life = life;
    this.#fail = fail;
  }

  /**
   * The panel, loaded and mounted with `host()` once `before` settled (once; later calls share it),
   * then given to `mounted`; `undefined` when it failed or was overtaken.
   */
  load(host: () => WidgetHost, before: Promise<void> | undefined, mounted: (app: WidgetApp) => void): Promise<WidgetApp | undefined> {
    if (this.app) return Promise.resolve(this.app);
    if (this.#loading) return this.#loading;
    if (!this.#life.to('loading')) return Promise.resolve(undefined);
    const mine = ++this.#generation;
    return (this.#loading = Promise.all([this.#import(), before])
      .then(async ([{ mount }]) => {
        if (mine !== this.#generation) return undefined;
        const app = await mount(host());
        if (mine !== this.#generation) return void app.destroy(); // removed while it mounted
        this.app = app;
        this.#life.to('mounted');
        mounted(app);
        return app;
      })
      .catch((error: unknown) => {
        if (mine === this.#generation) {
          this.drop();
          this.#fail(error);
        }
        return undefined;
      }));
  }

  /** Destroys the panel and forgets a load on its way. */
  drop(): void {
    this.#generation++;
    this.app?.destroy();
    this.app = this.#loading = undefined;
  }
}
