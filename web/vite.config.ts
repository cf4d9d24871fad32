// Builds the web app from web/ into dist/web: the SPA (index.html, served with an index.html fallback) and the
// light respondent entry (respond.html, served for /respond/*), which shares no Mantine code with the SPA.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const RESPOND_HTML_SOURCE = 'respond/respond.html';

/**
 * The respondent entry's sources live together in web/respond/, but the server looks for dist/web/respond.html
 * (next to index.html); the dev server answers /respond/* with the same page.
 */
function respondentEntry(): Plugin {
  return {
    name: 'prongsai-respondent-entry',
    // After Vite's HTML plugin has put the page into the bundle.
    enforce: 'post',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const url = req.url ?? '';
        if (/^\/respond(\/|$|\?)/.test(url) && !url.startsWith('/respond/src/'))
          req.url = `/${RESPOND_HTML_SOURCE}`;
        next();
      });
    },
    generateBundle(_options, bundle) {
      const page = bundle[RESPOND_HTML_SOURCE];
      if (page?.type !== 'asset') return;
      delete bundle[RESPOND_HTML_SOURCE];
      this.emitFile({ type: 'asset', fileName: 'respond.html', source: page.source });
    },
  };
}

const COMPRESSIBLE = /\.(js|css|html|svg|json)$/;

/**
 * Gzip and Brotli copies of every text file next to it, which the server sends to browsers that accept them
 * (@fastify/static preCompressed): the respondent pages' budget (120 KB gzip) is what a phone downloads.
 */
function precompressed(): Plugin {
  let outDir = '';
  return {
    name: 'prongsai-precompressed',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    // After the files are on disk: only then has Vite finished rewriting chunks (e.g. its preload helper), so
    // the copies are byte-for-byte the files the server would otherwise send.
    writeBundle(_options, bundle) {
      for (const fileName of Object.keys(bundle)) {
        if (!COMPRESSIBLE.test(fileName)) continue;
        const file = path.join(outDir, fileName);
        const source = readFileSync(file);
        if (source.length < 1024) continue;
        writeFileSync(`${file}.gz`, gzipSync(source, { level: 9 }));
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
      }
    },
  };
}

export default defineConfig({
  root,
  publicDir: 'public',
  plugins: [react(), respondentEntry(), precompressed()],
  // The server's schemas and shared constants (tsconfig.json "paths").
  resolve: { alias: { '@server': fileURLToPath(new URL('../src', import.meta.url)) } },
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // Mantine + React make a ~500 kB vendor bundle before gzip; pages are split by lazy routes.
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      input: {
        main: fileURLToPath(new URL('index.html', import.meta.url)),
        respond: fileURLToPath(new URL(RESPOND_HTML_SOURCE, import.meta.url)),
      },
    },
  },
  server: {
    port: 5173,
    // 127.0.0.1, not localhost: with demo data the API listens on IPv4 loopback only, and localhost may be ::1.
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
