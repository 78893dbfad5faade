// Page-sized working memory, reused from page to page. Preparing a page otherwise allocates tens of MB
// of short-lived buffers, and V8 answers every few tens of MB of new buffer memory with a full garbage
// collection of the whole heap: measured here at about two full collections and 250–330 ms of
// collector-thread CPU per page, a sixth of the CPU a page costs.

/** Spare buffers kept for the next page (a few page-sized ones: ~10 MB each at A4 and 300 dpi). */
const KEEP = 4;
const spare: ArrayBuffer[] = [];

/** A buffer of `bytes` bytes with undefined contents, not shared with anything else until given back. */
export function takeScratch(bytes: number): Buffer {
  let best = -1;
  for (let i = 0; i < spare.length; i++) {
    const size = (spare[i] as ArrayBuffer).byteLength;
    if (size >= bytes && (best < 0 || size < (spare[best] as ArrayBuffer).byteLength)) best = i;
  }
  if (best < 0) return Buffer.allocUnsafeSlow(bytes);
  const [memory] = spare.splice(best, 1);
  return Buffer.from(memory as ArrayBuffer, 0, bytes);
}

/** Hands a buffer from takeScratch back; the caller must not touch it afterwards. */
export function giveScratch(buffer: Buffer): void {
  const memory = buffer.buffer as ArrayBuffer;
  if (spare.includes(memory)) return;
  spare.push(memory);
  // The smallest go first: pages only ever ask for about the same size again.
  if (spare.length > KEEP) spare.sort((a, b) => b.byteLength - a.byteLength).length = KEEP;
}

/** Runs synchronous `work` with a zeroed scratch buffer, given back afterwards. */
export function withZeroedScratch<T>(bytes: number, work: (buffer: Buffer) => T): T {
  const buffer = takeScratch(bytes).fill(0);
  try {
    return work(buffer);
  } finally {
    giveScratch(buffer);
  }
}
