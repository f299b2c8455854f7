// Polls until a condition holds (background jobs, outbox delivery); fails the test after the timeout.
export async function waitFor(
  predicate: () => boolean | Promise<boolean>,
  timeoutMs = 45_000,
  intervalMs = 200,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await predicate()) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error('condition not met in time');
}
