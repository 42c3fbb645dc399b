interface ImportMetaEnv {
  /** The business's publishable key (`.env`: the sandbox's demo key). */
  readonly VITE_TICKKI_PUBLISHABLE_KEY: string
  /** The API host; leave it out in production (the SDK then talks to https://app.tickki.com). */
  readonly VITE_TICKKI_BASE_URL?: string
}
