/** The refusal a call ends with, as the caller sees it. */
export async function refusalOf(call: Promise<unknown>): Promise<{ code: string; message: string; details?: unknown }> {
  try {
    await call;
  } catch (error) {
    const { code, message, details } = error as { code: string; message: string; details?: unknown };
    return { code, message, details };
  }
  throw new Error('Expected the call to be refused');
}
