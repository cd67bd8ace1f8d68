import type { APIRoute } from 'astro';
import { paths } from '../lib/routes';
import { absoluteUrl } from '../lib/site-url';

export const GET: APIRoute = () =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(paths.sitemap())}\n`, {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
