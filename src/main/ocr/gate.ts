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
