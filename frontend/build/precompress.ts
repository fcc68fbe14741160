// Build step: next to every compressible file of the built app, a Brotli (.br) and a gzip (.gz) copy, so the server
// sends the smallest encoding the browser accepts without compressing on each request (Spring's
// EncodedResourceResolver picks the variant; see StaticResources.java).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** Text formats worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = new Set(['.js', '.css', '.html', '.svg', '.json', '.txt', '.map', '.webmanifest']);
/** Below this, a header costs more than the saving. */
export const MIN_BYTES = 1024;

export interface Compressed {
  file: string;
  bytes: number;
  br: number;
  gz: number;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Writes `<file>.br` and `<file>.gz` for each compressible file of `dir` (recursively); returns what it wrote. */
export function precompress(dir: string): Compressed[] {
  const written: Compressed[] = [];
  for (const file of filesUnder(dir)) {
    if (!COMPRESSIBLE.has(extname(file))) continue;
    const content = readFileSync(file);
    if (content.length < MIN_BYTES) continue;
    const br = brotliCompressSync(content, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
      },
    });
    const gz = gzipSync(content, { level: constants.Z_BEST_COMPRESSION });
    // a variant that does not save anything is not worth a second read
    if (br.length < content.length) writeFileSync(`${file}.br`, br);
    if (gz.length < content.length) writeFileSync(`${file}.gz`, gz);
    written.push({ file, bytes: content.length, br: br.length, gz: gz.length });
  }
  return written;
}

/** Vite plugin: precompress the output directory once the bundle is written (production builds only). */
export function precompressPlugin(): Plugin {
  let outDir = '';
  return {
    name: 'livehall-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      const written = precompress(outDir);
      const saved = written.reduce((sum, c) => sum + c.bytes - c.br, 0);
      this.info(`precompressed ${written.length} files (Brotli saves ${Math.round(saved / 1024)} KiB)`);
    },
  };
}
