/**
 * What the panel's nodes need of the shadow root's base rules, and the launcher's do not: it comes
 * with the panel (`app-entry.ts`), not with every page's first load. `hidden` wins over a
 * `display`, pseudo-elements are sized as the rest, and nothing moves for a visitor who asks for
 * less motion.
 */
export const PANEL_BASE_CSS = `
*::before,*::after{box-sizing:border-box}
[hidden]{display:none!important}
@media (prefers-reduced-motion:reduce){*{transition:none!important;animation:none!important}}
`;
