#!/usr/bin/env node
// Draws the app icons (public/icon-192.png, public/icon-512.png) from the same
// geometry as public/icon.svg: a rounded blue square with a white gauge arc and
// a yellow needle. Written in plain Node (zlib) so that no image tool has to be
// installed; run it again only when the design changes, and commit the PNGs.
//
//   node scripts/make-icons.mjs

import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

// The design, in the 32×32 coordinates of icon.svg.
const BACKGROUND = [0x00, 0x66, 0xcc]; // Bootstrap Italia primary, the manifest's theme colour
const ARC = [0xff, 0xff, 0xff];
const NEEDLE = [0xf2, 0xb1, 0x34];
const CORNER = 6;
const CENTRE = [16, 22];
const RADIUS = 10;
const NEEDLE_TIP = [21, 15];
const STROKE = 3;

function distanceToSegment([px, py], [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

/** Distance to the upper half circle (the gauge), round-capped at both ends. */
function distanceToArc([px, py]) {
  const [cx, cy] = CENTRE;
  if (py <= cy) return Math.abs(Math.hypot(px - cx, py - cy) - RADIUS);
  return Math.min(Math.hypot(px - cx + RADIUS, py - cy), Math.hypot(px - cx - RADIUS, py - cy));
}

function insideRoundedSquare([px, py]) {
  const qx = Math.max(CORNER - px, px - (32 - CORNER), 0);
  const qy = Math.max(CORNER - py, py - (32 - CORNER), 0);
  return qx * qx + qy * qy <= CORNER * CORNER && px >= 0 && px <= 32 && py >= 0 && py <= 32;
}

/** The colour (RGBA) of one point, painted in the SVG's order. */
function paint(point) {
  if (!insideRoundedSquare(point)) return [0, 0, 0, 0];
  if (distanceToSegment(point, CENTRE, NEEDLE_TIP) <= STROKE / 2) return [...NEEDLE, 255];
  if (distanceToArc(point) <= STROKE / 2) return [...ARC, 255];
  return [...BACKGROUND, 255];
}

/** Renders `size`×`size` RGBA pixels with 4×4 supersampling for smooth edges. */
function render(size) {
  const samples = 4;
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0: none
    for (let x = 0; x < size; x++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const point = [
            ((x + (sx + 0.5) / samples) * 32) / size,
            ((y + (sy + 0.5) / samples) * 32) / size,
          ];
          const [r, g, b, a] = paint(point);
          // Premultiplied, so that transparent samples do not darken the edges.
          sum[0] += (r * a) / 255;
          sum[1] += (g * a) / 255;
          sum[2] += (b * a) / 255;
          sum[3] += a;
        }
      }
      const n = samples * samples;
      const alpha = sum[3] / n;
      const unpremultiply = (c) => (alpha === 0 ? 0 : Math.round(((c / n) * 255) / alpha));
      row.set([unpremultiply(sum[0]), unpremultiply(sum[1]), unpremultiply(sum[2]), Math.round(alpha)], 1 + x * 4);
    }
    rows.push(row);
  }
  return Buffer.concat(rows);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(render(size), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of [192, 512]) {
  const path = new URL(`../public/icon-${size}.png`, import.meta.url);
  writeFileSync(path, png(size));
  console.log(`wrote ${path.pathname}`);
}
