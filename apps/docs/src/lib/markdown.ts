/** Renders the document's CommonMark descriptions to HTML at build time. */
import { createMarkdownProcessor } from '@astrojs/markdown-remark';

const processor = await createMarkdownProcessor();

/** Markdown → HTML. */
export async function markdown(text: string | undefined): Promise<string> {
  if (!text) return '';
  return (await processor.render(text)).code;
}

/** Inline Markdown (one paragraph) → HTML without the `<p>`. */
export async function inlineMarkdown(text: string | undefined): Promise<string> {
  return (await markdown(text)).replace(/^<p>|<\/p>\s*$/g, '');
}
