/**
 * Lua scripts of the token store: each runs atomically in Redis, so ending a family can never miss a token that a
 * concurrent refresh is issuing, and a refresh token is claimed exactly once.
 */
export const TokenScripts = {
  /**
   * Writes a family (ARGV[6] `NX` when new, `XX` when rotating: a family ended meanwhile stays ended) with a new access
   * and refresh token. KEYS: family, access, refresh, family tokens, account families, replaced refresh (or '').
   * ARGV: family JSON, refresh TTL, access JSON, access TTL, refresh value, NX|XX, family id. Returns 1, or 0 when the
   * family no longer exists.
   */
  issue: `
    if not redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2], ARGV[6]) then return 0 end
    redis.call('SET', KEYS[2], ARGV[3], 'EX', ARGV[4])
    redis.call('SET', KEYS[3], ARGV[5], 'EX', ARGV[2])
    if KEYS[6] ~= '' then redis.call('SREM', KEYS[4], KEYS[6]) end
    redis.call('SADD', KEYS[4], KEYS[2], KEYS[3])
    redis.call('EXPIRE', KEYS[4], ARGV[2])
    redis.call('SADD', KEYS[5], ARGV[7])
    redis.call('EXPIRE', KEYS[5], ARGV[2])
    return 1`,

  /** Marks an active refresh token used (keeping its TTL, to recognise reuse); returns its value before, or nil. */
  claimRefresh: `
    local value = redis.call('GET', KEYS[1])
    if not value then return false end
    if string.sub(value, 1, 7) == 'active:' then
      redis.call('SET', KEYS[1], 'rotated:' .. string.sub(value, 8), 'KEEPTTL')
    end
    return value`,

  /** Deletes every key listed in the set KEYS[1], the set itself, and KEYS[2] (the family, or ''). */
  deleteListed: `
    local keys = redis.call('SMEMBERS', KEYS[1])
    for _, key in ipairs(keys) do redis.call('DEL', key) end
    redis.call('DEL', KEYS[1])
    if KEYS[2] ~= '' then redis.call('DEL', KEYS[2]) end
    return #keys`,
} as const;
