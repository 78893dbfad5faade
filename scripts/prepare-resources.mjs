// Copies the OCR language data that npm installed (@tesseract.js-data/*) into resources/tessdata,
// where the app loads it from. Runs after `npm install`/`npm ci`; the app never fetches language data.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(root, 'resources', 'tessdata');
// Integer LSTM models ("best_int") are the fast ones; OSD (orientation) only exists in the legacy format.
const sources = [
  ['ind', '4.0.0_best_int'],
  ['eng', '4.0.0_best_int'],
  ['osd', '4.0.0'],
];
fs.mkdirSync(target, { recursive: true });
for (const [lang, variant] of sources) {
  const from = path.join(root, 'node_modules', '@tesseract.js-data', lang, variant, `${lang}.traineddata.gz`);
  const to = path.join(target, `${lang}.traineddata.gz`);
  if (!fs.existsSync(from)) {
    console.error(`prepare-resources: ${from} is missing; run npm install`);
    process.exitCode = 1;
    continue;
  }
  if (!fs.existsSync(to) || fs.statSync(to).size !== fs.statSync(from).size) fs.copyFileSync(from, to);
}
