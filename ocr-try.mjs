import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import fs from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const font = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSerif.ttf');
GlobalFonts.registerFromPath(font, 'Scan Serif');
const lines = [
  'Housing Services, Riverside House',
  'Dear Mrs Sarah Jones,',
  'Your NHS number 943 476 5919 was recorded',
  'National Insurance number AB 12 34 56 C.',
  'Telephone 020 7946 0123',
  'Yours sincerely',
  'Tom Reid',
];
const c = createCanvas(1240, 80 + lines.length * 48);
const g = c.getContext('2d');
g.fillStyle = '#f7f5ef';
g.fillRect(0, 0, c.width, c.height);
g.fillStyle = '#222';
g.font = '30px "Scan Serif"';
g.rotate(0.004);
lines.forEach((l, i) => g.fillText(l, 60, 70 + i * 48));
fs.writeFileSync('/tmp/scan.png', c.toBuffer('image/png'));
console.log('ok');
