// For tests that need two things to happen at the same time: each caller waits until
// `count` callers have arrived, then all go on together.
export function barrier(count: number): () => Promise<void> {
  let arrived = 0;
  let release!: () => void;
  const open = new Promise<void>((resolve) => (release = resolve));
  return () => {
    arrived += 1;
    if (arrived === count) release();
    return open;
  };
}
