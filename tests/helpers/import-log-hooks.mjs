// The module-resolution hook behind import-log.mjs (Node runs it on its loader thread).
import fs from 'node:fs';

export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (process.env.CLAIMDESK_IMPORT_LOG) fs.appendFileSync(process.env.CLAIMDESK_IMPORT_LOG, `${resolved.url}\n`);
  return resolved;
}
