// The tests' static server: what the browser tests rely on, checked without a browser.

import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { after, before, test } from 'node:test';

import { DIST_DIR, startStaticServer } from './support/server.mjs';

let server;
before(async () => {
  server = await startStaticServer();
});
after(() => server?.close());

test('serves index.html at the root', async () => {
  const res = await fetch(`${server.url}/`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type'), /^text\/html/);
  assert.match(await res.text(), /<html lang="it">/);
});

test('serves the wasm module as application/wasm', async () => {
  const wasm = (await readdir(DIST_DIR)).find((name) => name.endsWith('.wasm'));
  assert.ok(wasm, `a .wasm file in ${DIST_DIR}`);
  const res = await fetch(`${server.url}/${wasm}`);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'application/wasm');
  // The magic number of every wasm module: "\0asm".
  assert.deepEqual([...new Uint8Array(await res.arrayBuffer()).slice(0, 4)], [0, 0x61, 0x73, 0x6d]);
});

test('falls back to index.html for unknown pages but not for missing assets', async () => {
  const page = await fetch(`${server.url}/aree/AAF`, { headers: { accept: 'text/html' } });
  assert.equal(page.status, 200);
  assert.match(await page.text(), /<html lang="it">/);
  const asset = await fetch(`${server.url}/manca.wasm`);
  assert.equal(asset.status, 404);
});

test('never serves files outside dist/', async () => {
  const res = await fetch(`${server.url}/..%2fCargo.toml`);
  assert.notEqual(res.status, 200);
});

test('in a folder, as a plain static host: 404.html for unknown paths, nothing else outside the folder', async () => {
  const folder = await startStaticServer(DIST_DIR, { base: '/cruscotto/', fallback: '404' });
  try {
    const index = await fetch(`${folder.url}/cruscotto/`);
    assert.equal(index.status, 200);
    assert.match(await index.text(), /<html lang="it">/);
    const bare = await fetch(`${folder.url}/cruscotto`, { redirect: 'manual' });
    assert.equal(bare.status, 301);
    assert.equal(bare.headers.get('location'), '/cruscotto/');
    // A deep link: no rewrite, the build's 404.html (the app's page) with status 404.
    const deep = await fetch(`${folder.url}/cruscotto/area/AAF`, { headers: { accept: 'text/html' } });
    assert.equal(deep.status, 404);
    assert.match(await deep.text(), /<html lang="it">/);
    const wasm = (await readdir(DIST_DIR)).find((name) => name.endsWith('.wasm'));
    assert.equal((await fetch(`${folder.url}/cruscotto/${wasm}`)).headers.get('content-type'), 'application/wasm');
    // Outside the folder: the host's own home page, and 404 for the app's files.
    assert.doesNotMatch(await (await fetch(`${folder.url}/`)).text(), /cruscotto-service-worker/);
    assert.equal((await fetch(`${folder.url}/${wasm}`)).status, 404);
  } finally {
    await folder.close();
  }
});
