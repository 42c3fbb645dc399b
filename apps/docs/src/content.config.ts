import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

/** Starlight's loader; without the SDK reference (`DOCS_SDK=0`) its generated pages left from an earlier build stay out. */
function loader(): Loader {
  const docs = docsLoader();
  if (process.env.DOCS_SDK !== '0') return docs;
  return {
    ...docs,
    async load(context) {
      await docs.load(context);
      for (const id of context.store.keys()) if (id.startsWith('sdk/')) context.store.delete(id);
    },
  };
}

export const collections = {
  docs: defineCollection({ loader: loader(), schema: docsSchema() }),
};
