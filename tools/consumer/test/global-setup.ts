/** Packs every publishable package and installs the tarballs into one fresh consumer project. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createConsumer, pack, publishablePackages, type Packed } from '../src/project.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The consumer app, outside the repository. */
    app: string;
    /** The packed packages. */
    packed: Packed[];
  }
}

export default function setup(project: TestProject): () => void {
  const work = mkdtempSync(join(tmpdir(), 'tickki-consumer-'));
  const started = Date.now();
  const app = join(work, 'app');
  let packed: Packed[];
  let packedAt: number;
  try {
    packed = pack(publishablePackages(), join(work, 'tarballs'));
    packedAt = Date.now();
    createConsumer(app, packed);
  } catch (err) {
    rmSync(work, { recursive: true, force: true }); // no teardown runs when setup fails
    throw err;
  }
  const seconds = (from: number) => ((Date.now() - from) / 1000).toFixed(1);
  console.log(`consumer project: ${packed.length} tarballs packed in ${((packedAt - started) / 1000).toFixed(1)} s, installed in ${seconds(packedAt)} s (${app})`);
  project.provide('app', app);
  project.provide('packed', packed);
  return () => {
    if (!process.env.KEEP_CONSUMER) rmSync(work, { recursive: true, force: true });
  };
}
