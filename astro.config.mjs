// The comparison site: a static Astro site built from features/ and submissions/ (or from the
// project named by OFM_DATA_ROOT). OFM_SITE_URL is the address it is published at (canonical
// links use it); OFM_SITE_BASE serves it below a path, e.g. on GitHub Pages.
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';

export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  outDir: process.env.OFM_SITE_OUT ?? './dist',
  // A sitemap needs the site's address: it is written only when OFM_SITE_URL gives one.
  ...(process.env.OFM_SITE_URL ? { site: process.env.OFM_SITE_URL, integrations: [sitemap()] } : {}),
  base: process.env.OFM_SITE_BASE ?? '/',
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  vite: { build: { assetsInlineLimit: 0 } },
});
