import { useState } from 'preact/hooks';
import { format, httpUrl, type ChatStrings, type ScreenState } from '@tickki/chat-ui';
import { CloseIcon } from './icons.js';

/** Props of {@link Header}. */
export interface HeaderProps {
  state: ScreenState;
  strings: ChatStrings;
  /** The business's name (or the default title). */
  name: string;
  onClose(): void;
}

/** The panel's header: logo (only from an http(s) URL), name, unread count, agents online, close. */
export function Header({ state: { config, away, unread }, strings: s, name, onClose }: HeaderProps) {
  const logo = httpUrl(config?.branding.logoUrl);
  const [brokenLogo, setBrokenLogo] = useState<string>();
  return (
    <header class="head" part="header">
      {logo && logo !== brokenLogo ? <img class="logo" src={logo} alt="" onError={() => setBrokenLogo(logo)} /> : null}
      <div class="who">
        <h2 class="title" id="tk-title">
          {name}
          {unread ? ' ' + format(s.unread, { count: unread }, s.locale) : ''}
        </h2>
        {config ? (
          <p class="presence">
            <span class={away ? 'dot' : 'dot on'} aria-hidden="true" />
            {away ? s.away.split(/[.!。！।]/)[0] : s.online}
          </p>
        ) : null}
      </div>
      <button type="button" class="icon" aria-label={s.close} title={s.close} onClick={onClose}>
        <CloseIcon />
      </button>
    </header>
  );
}
