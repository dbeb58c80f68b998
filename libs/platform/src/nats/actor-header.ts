import { Actor } from '#contracts';

export function encodeActor(actor: Actor): string {
  return JSON.stringify(actor);
}

/** An unreadable actor header is treated as no actor: handlers that need one refuse. */
export function decodeActor(raw: string | undefined | null): Actor | undefined {
  if (!raw) return undefined;
  try {
    const parsed = Actor.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
