import { describe, expect, it } from 'vitest';
import { missingFiles, offlineMessage, referencedFiles } from './missingFiles';

/** A built worker, its static and on-demand chunks and a binary, as the bundler writes them. */
const FILES: Record<string, string> = {
  'https://host/app/assets/training.worker-A1.js': 'import{a as b}from"./dist-B2.js";const l=()=>import(`./dist-C3.js`);',
  'https://host/app/assets/dist-B2.js': 'export const a=1;',
  'https://host/app/assets/dist-C3.js': 'const u=new URL(`tfjs-backend-wasm-D4.wasm`,import.meta.url).href;import"../shared/E5.js";',
  'https://host/app/assets/tfjs-backend-wasm-D4.wasm': '\0asm',
  'https://host/app/shared/E5.js': '',
};

/** Fetches from FILES, failing (as offline) for the paths in `absent`. */
function fetchFrom(absent: string[]) {
  const fetched: string[] = [];
  const fetchFile = async (url: string) => {
    fetched.push(url);
    if (!(url in FILES) || absent.some((name) => url.endsWith(name))) throw new TypeError('Failed to fetch');
    return { ok: true, text: async () => FILES[url] };
  };
  return { fetchFile, fetched };
}

describe('referencedFiles', () => {
  it('finds relative imports of every form, and assets named with import.meta.url, resolved against the module', () => {
    expect(referencedFiles(FILES['https://host/app/assets/training.worker-A1.js'], 'https://host/app/assets/training.worker-A1.js')).toEqual([
      'https://host/app/assets/dist-B2.js',
      'https://host/app/assets/dist-C3.js',
    ]);
    expect(referencedFiles(FILES['https://host/app/assets/dist-C3.js'], 'https://host/app/assets/dist-C3.js').sort()).toEqual([
      'https://host/app/assets/tfjs-backend-wasm-D4.wasm',
      'https://host/app/shared/E5.js',
    ]);
    // Bare specifiers and absolute URLs of other hosts are not files of the build.
    expect(referencedFiles('import x from "react"; import("https://cdn/x.js")', 'https://host/a.js')).toEqual([]);
  });
});

describe('missingFiles', () => {
  it('names nothing when the whole graph can be fetched, and fetches each file once', async () => {
    const { fetchFile, fetched } = fetchFrom([]);
    expect(await missingFiles('https://host/app/assets/training.worker-A1.js', fetchFile)).toEqual([]);
    expect(fetched.sort()).toEqual(Object.keys(FILES).sort());
  });

  it('names the files that cannot be fetched, and those behind a missing script stay unknown', async () => {
    expect(await missingFiles('https://host/app/assets/training.worker-A1.js', fetchFrom(['tfjs-backend-wasm-D4.wasm', 'dist-B2.js']).fetchFile)).toEqual([
      'dist-B2.js',
      'tfjs-backend-wasm-D4.wasm',
    ]);
    expect(await missingFiles('https://host/app/assets/training.worker-A1.js', fetchFrom(['training.worker-A1.js']).fetchFile)).toEqual(['training.worker-A1.js']);
  });
});

describe('offlineMessage', () => {
  it('says what cannot start and lists the files', () => {
    expect(offlineMessage('the training', ['a.js', 'b.wasm'])).toBe(
      'The app is offline, and its offline copy is not complete: the training needs these files: a.js, b.wasm. It starts by itself once the network is back.',
    );
    expect(offlineMessage('the landscape', [])).toContain('the landscape needs some of its files');
  });
});
