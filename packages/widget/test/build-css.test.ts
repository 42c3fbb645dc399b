/**
 * The CSS minification of both builds (`build-css.ts`): it reaches the CSS of every `*-css.ts`
 * module, and Chromium reads the same rules from the minified CSS as from the CSS as written.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { hasChromium, launchChromium } from '@tickki/browser-harness';
import { describe, expect, it } from 'vitest';
import { minifyCssTemplate, minifyCssTemplates } from '../build-css.js';
import { LAUNCHER_CSS } from '../src/launcher-css.js';
import { PANEL_CSS } from '../src/app/panel-css.js';
import { THEME_CSS } from '../src/app/theme-css.js';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));
const SHEETS = { LAUNCHER_CSS, PANEL_CSS, THEME_CSS };

describe('the CSS minification of the builds', () => {
  it('minifies the CSS template of every *-css.ts module, and nothing else', () => {
    const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('-css.ts'));
    expect(files.length).toBeGreaterThanOrEqual(Object.keys(SHEETS).length);
    for (const file of files) {
      const code = readFileSync(SRC + file, 'utf8');
      const minified = minifyCssTemplates(code);
      expect(minified, file).not.toBe(code);
      for (const [, css] of minified.matchAll(/_CSS = `([^`]*)`/g)) expect(css, file).not.toMatch(/\n|;}|\s[{},;>]|[{},;>]\s/);
      // the doc comments and the code around the templates are untouched
      expect(minified.replace(/`[^`]*`/g, '``')).toBe(code.replace(/`[^`]*`/g, '``'));
    }
  });

  it('keeps the spaces that mean something, and the placeholders as written', () => {
    expect(minifyCssTemplate('\n:host(:not([theme=light])) .root{${DARK}}\n@media ${FULL_SCREEN}{\n.a , .b > c{font:1px "Segoe UI";\nwidth:calc(1px - 2px);\n}\n}\n')).toBe(
      ':host(:not([theme=light])) .root{${DARK}}@media ${FULL_SCREEN}{.a,.b>c{font:1px "Segoe UI";width:calc(1px - 2px)}}',
    );
  });

  it.runIf(hasChromium)('gives Chromium the same rules as the CSS as written', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const sheets = Object.entries(SHEETS).map(([name, css]) => [name, css, minifyCssTemplate(css)]);
      const read = await page.evaluate((all) => {
        const rules = (css: string) => {
          const sheet = new CSSStyleSheet();
          sheet.replaceSync(css);
          return [...sheet.cssRules].map((rule) => rule.cssText);
        };
        return all.map(([name, css, minified]) => ({ name, written: rules(css!), minified: rules(minified!) }));
      }, sheets);
      for (const { name, written, minified } of read) {
        expect(written.length, name).toBeGreaterThan(3);
        expect(minified, name).toEqual(written);
      }
    } finally {
      await browser.close();
    }
  });
});
