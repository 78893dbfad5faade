/** True when out/ is missing or older than the sources it is built from. */
export function isStale(): boolean;
/** Builds when stale (or when forced); false when the build failed. */
export function build(options?: { force?: boolean; quiet?: boolean }): boolean;
