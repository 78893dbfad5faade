// Rasterising runs on the main thread (pdfjs), so doing several pages at once only delays the first
// one: pages are rasterised one at a time, in order, while the pool reads the previous ones.
export class Gate {
  private tail: Promise<void> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}

/**
 * Runs `lanes` copies of `lane`: `workers` of them at once (one per worker, or fewer to give the first
 * page the machine), and the rest (e.g. the extra lane that rasterises the next page ahead) only once a
 * first page is read, so the first page does not share the cores three ways.
 * Lanes call `firstRead()` after each page.
 */
export async function runLanes(workers: number, lanes: number, lane: (firstRead: () => void) => Promise<void>): Promise<void> {
  let release = (): void => undefined;
  const first = new Promise<void>((resolve) => (release = resolve));
  const run = (i: number): Promise<void> => (i < workers ? lane(release).finally(release) : first.then(() => lane(release)));
  await Promise.all(Array.from({ length: lanes }, (_v, i) => run(i)));
}
