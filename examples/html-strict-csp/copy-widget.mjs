// Copies the widget's script-tag build (tickki-chat.js and the tickki-chat-*.js chunks it loads)
// from node_modules into public/tickki/, to be served from this site's own origin.
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const dist = dirname(createRequire(import.meta.url).resolve('@tickki/chat-widget/tickki-chat.js'));
const target = new URL('public/tickki/', import.meta.url).pathname;
rmSync(target, { recursive: true, force: true }); // no chunk of an older version left behind
mkdirSync(target, { recursive: true });
const files = readdirSync(dist).filter((f) => /^tickki-chat[\w-]*\.js$/.test(f));
for (const file of files) copyFileSync(join(dist, file), join(target, file));
console.log(`copied ${files.length} files into public/tickki/: ${files.join(', ')}`);
