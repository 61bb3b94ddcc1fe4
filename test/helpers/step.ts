/**
 * One step of an end-to-end journey: a failure names the step. A journey's steps share the page they act on, so
 * they are one test (no test depends on what an earlier test left behind).
 */
export async function step(name: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (error instanceof Error) error.message = `step "${name}": ${error.message}`;
    throw error;
  }
}
