/**
 * A rolldown plugin for both builds of the widget (`build-script.ts`, `tsdown.config.ts`): the CSS
 * of the `*-css.ts` modules, written one rule a line for reading, ships without the whitespace and
 * the last `;` of each block. Only the template literals assigned to a `…_CSS` constant are touched,
 * and only their text between `${…}` placeholders: whitespace runs become one space, and none is
 * left beside `{`, `}`, `;`, `,` and `>` (the spaces of a descendant selector, a `calc()`, a quoted
 * font name stay). The CSS has no comments and no strings with these characters.
 */
import type { Plugin } from 'rolldown';

const CSS_TEMPLATE = /(\b[A-Z_]*CSS\s*=\s*)`((?:[^`\\]|\\.)*)`/g;

/** The text of a CSS template literal without what the browser ignores (placeholders kept as written). */
export function minifyCssTemplate(template: string): string {
  return template
    .split(/(\$\{[^}]*\})/)
    .map((part, i) =>
      i % 2
        ? part
        : part
            .replace(/\s+/g, ' ')
            .replace(/ ?([{};,>]) ?/g, '$1')
            .replace(/;}/g, '}'),
    )
    .join('')
    .trim();
}

/** A module's code with each `…_CSS` template literal minified. */
export const minifyCssTemplates = (code: string): string =>
  code.replace(CSS_TEMPLATE, (_, head: string, css: string) => `${head}\`${minifyCssTemplate(css)}\``);

/** The plugin: {@link minifyCssTemplates} on each `*-css.ts` module. */
export function minifyCss(): Plugin {
  return { name: 'tickki:minify-css', transform: { filter: { id: /-css\.ts$/ }, handler: minifyCssTemplates } };
}
