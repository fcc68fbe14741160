import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { MIN_BYTES, precompress } from './precompress';

describe('precompress', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes Brotli and gzip copies that decode to the original, for text files above the threshold only', () => {
    dir = mkdtempSync(join(tmpdir(), 'precompress-'));
    mkdirSync(join(dir, 'assets'));
    const js = 'export const 直播 = "展厅";\n'.repeat(200);
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), js);
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>x</title>'); // under the threshold
    writeFileSync(join(dir, 'assets', 'logo.png'), Buffer.alloc(4096, 7)); // already compressed formats are left alone

    const written = precompress(dir);

    expect(written.map((c) => c.file)).toEqual([join(dir, 'assets', 'index-abc123.js')]);
    expect(brotliDecompressSync(readFileSync(join(dir, 'assets', 'index-abc123.js.br'))).toString()).toBe(js);
    expect(gunzipSync(readFileSync(join(dir, 'assets', 'index-abc123.js.gz'))).toString()).toBe(js);
    expect(written[0].br).toBeLessThan(written[0].gz);
    expect(existsSync(join(dir, 'index.html.br'))).toBe(false);
    expect(existsSync(join(dir, 'assets', 'logo.png.br'))).toBe(false);
    expect(MIN_BYTES).toBeGreaterThan(31);
  });

  it('skips a variant that would not be smaller than the original', () => {
    dir = mkdtempSync(join(tmpdir(), 'precompress-'));
    writeFileSync(join(dir, 'noise.txt'), randomBytes(4096)); // random bytes do not compress
    const [c] = precompress(dir);
    expect(c.br).toBeGreaterThanOrEqual(c.bytes);
    expect(existsSync(join(dir, 'noise.txt.br'))).toBe(false);
    expect(existsSync(join(dir, 'noise.txt.gz'))).toBe(false);
  });
});
