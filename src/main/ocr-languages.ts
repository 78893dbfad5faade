// OCR language data ships inside the app (resources/tessdata); nothing is fetched at run time.
import fs from 'node:fs';
import path from 'node:path';
import { resourcesDir } from './paths';

export function tessdataDir(): string {
  return path.join(resourcesDir(), 'tessdata');
}

/** Languages whose traineddata is present in resources/tessdata, e.g. ['eng', 'ind']. */
export function availableOcrLanguages(dir = tessdataDir()): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => /\.traineddata(\.gz)?$/.test(f))
    .map((f) => f.replace(/\.traineddata(\.gz)?$/, ''))
    .filter((l) => l !== 'osd')
    .sort();
}
