import { describe, expect, it } from 'vitest';
import { giveScratch, takeScratch, withZeroedScratch } from '../../../src/main/ocr/scratch';

describe('scratch memory for page preparation', () => {
  it('never hands out the same memory twice while it is in use', () => {
    const a = takeScratch(1000);
    const b = takeScratch(1000);
    a.fill(1);
    b.fill(2);
    expect(a.every((v) => v === 1)).toBe(true);
    expect(a.buffer).not.toBe(b.buffer);
    giveScratch(a);
    giveScratch(b);
  });

  it('reuses memory given back, at the size asked for', () => {
    const a = takeScratch(5000);
    const memory = a.buffer;
    giveScratch(a);
    const b = takeScratch(3000);
    expect(b.buffer).toBe(memory);
    expect(b.length).toBe(3000);
    giveScratch(b);
  });

  it('zeroes what it lends for masks, whatever the last user left in it', () => {
    const dirty = takeScratch(64).fill(7);
    giveScratch(dirty);
    const sum = withZeroedScratch(64, (mask) => mask.reduce((s, v) => s + v, 0));
    expect(sum).toBe(0);
  });

  it('gets the memory back when the work throws', () => {
    const first = takeScratch(128);
    const memory = first.buffer;
    giveScratch(first);
    expect(() =>
      withZeroedScratch(128, () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(takeScratch(128).buffer).toBe(memory);
  });
});
