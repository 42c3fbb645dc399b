/** The API document itself, served by the site (the "try it" page reads it; readers can download it). */
import { readFileSync } from 'node:fs';
import type { APIRoute } from 'astro';
import { openapiPath } from '../lib/site-config.ts';

export const GET: APIRoute = () =>
  new Response(readFileSync(openapiPath, 'utf8'), { headers: { 'content-type': 'application/yaml; charset=utf-8' } });
