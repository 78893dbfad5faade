// Background work (OCR, extraction) yields the processor to the calls an officer waits on. On Linux the
// scheduling priority (nice value) belongs to each thread, and threads a thread starts inherit it, so a
// page-reader thread that lowers its own priority takes its tesseract workers with it, while the back
// end's main thread, which answers the screens, keeps the normal priority. Elsewhere the priority is a
// whole process's, so nothing is changed (the OCR pool still leaves one core to the rest).
import fs from 'node:fs';
import os from 'node:os';

/** The nice value of background threads: the scheduler gives a normal thread about ten times their share. */
export const BACKGROUND_NICE = 10;

/** Lowers this thread's priority; true when it was lowered. Best effort: never throws. */
export function runThisThreadInBackground(): boolean {
  if (process.platform !== 'linux') return false;
  try {
    // /proc/thread-self names this thread's own id (e.g. "4127/task/4133").
    const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid) || tid <= 0) return false;
    os.setPriority(tid, BACKGROUND_NICE);
    return true;
  } catch {
    return false;
  }
}
