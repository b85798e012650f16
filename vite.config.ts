import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, runnerImport, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { QUESTIONS } from './src/panels/questions.ts';

// Deploy under a sub-path with BASE_PATH=/some/path/ npm run build (default: site root).
const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');
// Link previews (og:image) should be absolute for chat apps that unfurl links: set SITE_URL to
// the deployed origin (e.g. SITE_URL=https://example.org); without it they are root-relative.
const siteUrl = (process.env.SITE_URL ?? '').replace(/\/$/, '');
const previewUrl = (name: string) => `${siteUrl}${base}previews/${name}.png`;

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Content-Security-Policy of the built site, as a meta tag so it travels with the files to any
 * static host. Only our own origin; WebAssembly compilation for the tfjs WASM backend
 * ('wasm-unsafe-eval', which does not allow JS eval); no inline scripts, no eval, no third
 * parties. Inline style attributes stay allowed: React, d3 and KaTeX position things with them.
 * Not applied to the dev server, whose hot reload needs inline scripts.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: (html) => html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`),
  };
}

/**
 * Emits <slug>/index.html for every question so the build works on a plain static host with no
 * rewrite rules, and so a shared link unfurls with the panel's own title and description.
 */
function panelPages(): Plugin {
  let outDir = 'dist';
  return {
    name: 'panel-pages',
    apply: 'build',
    configResolved(c) {
      outDir = c.build.outDir;
    },
    transformIndexHtml: (html) => html.replace(/(<meta (?:property="og:image"|name="twitter:image") content=")[^"]*"/g, `$1${previewUrl('home')}"`),
    writeBundle() {
      const html = readFileSync(join(outDir, 'index.html'), 'utf8');
      for (const q of QUESTIONS) {
        const title = escapeHtml(`${q.title} · ML Intuition`);
        const desc = escapeHtml(`Question ${q.number}: ${q.summary}`);
        const page = html
          .replace(/<title>[^<]*<\/title>/, `<title>${title}</title>`)
          .replace(/(<meta name="description" content=")[^"]*"/, `$1${desc}"`)
          .replace(/(<meta property="og:title" content=")[^"]*"/, `$1${title}"`)
          .replace(/(<meta property="og:description" content=")[^"]*"/, `$1${desc}"`)
          .replace(/(<meta (?:property="og:image"|name="twitter:image") content=")[^"]*"/g, `$1${previewUrl(q.slug)}"`);
        mkdirSync(join(outDir, q.slug), { recursive: true });
        writeFileSync(join(outDir, q.slug, 'index.html'), page);
      }
    },
  };
}

/**
 * Offline after one visit (issue 14): a service worker (Workbox, generated at build) precaches
 * every built file the app can need (chunks, workers, tfjs WASM, data, icons) but not the preview
 * images, which only link unfurlers fetch. Navigations fall back to the app shell, which routes by
 * path. A new build waits until the learner accepts the update prompt (src/app/UpdatePrompt.tsx).
 * The app registers it itself; its own manifest is public/manifest.webmanifest.
 */
function offline(): Plugin[] {
  return VitePWA({
    registerType: 'prompt',
    injectRegister: false,
    manifest: false,
    workbox: {
      globPatterns: ['**/*.{js,css,html,wasm,svg,png,webmanifest,json,woff2}'],
      globIgnores: ['previews/**', 'bench*', '.vite/**'],
      // tfjs inside each panel's worker makes some chunks large.
      maximumFileSizeToCacheInBytes: 32 * 1024 * 1024,
      navigateFallback: `${base}index.html`,
      cleanupOutdatedCaches: true,
    },
  });
}

/**
 * Build-time plugins that panels bring themselves: every src/panels/<slug>/<name>.vite.ts whose
 * default export makes a Vite plugin (e.g. precision-recall's corpus reducer). Found by listing
 * the folders, so adding one touches only its panel's folder, like panel.ts for the registry.
 */
async function panelPlugins(): Promise<Plugin[]> {
  const dir = 'src/panels';
  const found: { slug: string; name: string }[] = [];
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    if (!d.isDirectory()) continue;
    for (const f of readdirSync(join(dir, d.name))) if (f.endsWith('.vite.ts')) found.push({ slug: d.name, name: f.slice(0, -'.vite.ts'.length) });
  }
  const plugins: Plugin[] = [];
  for (const { slug, name } of found) {
    // Loaded through Vite's module runner, which compiles TypeScript the way the config itself is.
    const { module: mod } = await runnerImport<{ default?: () => Plugin }>(`./src/panels/${slug}/${name}.vite.ts`, { configFile: false });
    if (typeof mod.default !== 'function') throw new Error(`src/panels/${slug}/${name}.vite.ts must default-export a function that returns a Vite plugin`);
    plugins.push(mod.default());
  }
  return plugins;
}

/**
 * Fewer, larger chunks for a panel page (issue 8, link opens). Left to itself the bundler split
 * the kit into ~25 small shared chunks (plots, hooks, d3 pieces, KaTeX), which a panel page asks
 * for all at once; a static host speaking HTTP/1.1 serves six at a time, and a link open waited
 * ~150 ms for the waves before the panel's first module could run. The kit every panel page uses
 * (src/lib without tfjs, d3, KaTeX) is now one chunk. The modules the app's start-up imports stay
 * out of it, so the home page does not load it (kitStaysLazy checks that at build).
 */
const START_MODULES = /[\\/]src[\\/]lib[\\/](tf|worker[\\/](protocol|client|early|registry|headStart)|params[\\/](schema|url|extras)|controls[\\/](CopyLink|controls\.css)|panel[\\/]context)\b/;
const KIT_MODULES = /[\\/](src[\\/]lib|node_modules[\\/](d3-[a-z-]+|katex|internmap))[\\/]/;
const CHUNK_GROUPS = [{ name: 'kit', test: (id: string) => KIT_MODULES.test(id) && !START_MODULES.test(id), includeDependenciesRecursively: false }];

/** Fails the build when the kit chunk became part of index.html's start-up (START_MODULES is stale). */
function kitStaysLazy(): Plugin {
  return {
    name: 'kit-stays-lazy',
    apply: 'build',
    generateBundle(_, bundle) {
      const chunks = new Map(Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [[c.fileName, c] as const] : [])));
      const entry = [...chunks.values()].find((c) => c.isEntry && c.facadeModuleId?.endsWith('index.html'));
      const seen = new Set<string>();
      const walk = (f: string) => {
        if (seen.has(f) || !chunks.has(f)) return;
        seen.add(f);
        chunks.get(f)!.imports.forEach(walk);
      };
      if (entry) walk(entry.fileName);
      const kit = [...seen].filter((f) => chunks.get(f)!.name === 'kit');
      if (kit.length) this.error(`The start-up of index.html imports the kit chunk (${kit.join(', ')}): add the src/lib modules it needs to START_MODULES in vite.config.ts.`);
    },
  };
}

export default defineConfig(async () => ({
  base,
  plugins: [react(), contentSecurityPolicy(), kitStaysLazy(), panelPages(), ...offline(), ...(await panelPlugins())],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    sourcemap: false,
    manifest: true, // read by scripts/bench.mjs to size each route's JavaScript
    // bench.html (panel micro-benchmarks) is built only for `npm run bench`.
    rolldownOptions: {
      ...(process.env.BENCH ? { input: { main: 'index.html', bench: 'bench.html' } } : {}),
      output: { codeSplitting: { groups: CHUNK_GROUPS } },
    },
  },
  // Panels' compute workers (lib/worker) as ES modules, so code a worker reaches by dynamic import
  // (tfjs needed only for some params) stays a separate chunk instead of being inlined (iife).
  worker: { format: 'es' as const },
  preview: { port: 4173, strictPort: true, host: '127.0.0.1' },
  server: { port: 5173, host: '127.0.0.1' },
}));
