// A time zone's offsets from UTC as the engine's trends read them (ZoneRules::from_json),
// derived from the browser's (or Node's) Intl: the offset every week from 1970 to 2040, and each
// change of offset found to the second between two weeks that differ.
import { BasketliftError } from './errors.js';

const WEEK = 7 * 86400;
const FIRST = 0;  // 1970-01-01
const LAST = Date.UTC(2040, 0, 1) / 1000;
const cache = new Map();

// Seconds east of UTC in force in `zone` at epoch second `t`.
function offsetAt(format, t) {
  const parts = Object.fromEntries(format.formatToParts(new Date(t * 1000)).map((p) => [p.type, p.value]));
  const local = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day),
                         Number(parts.hour) % 24, Number(parts.minute), Number(parts.second));
  return Math.round(local / 1000 - t);
}

/**
 * The rules of an IANA time zone ("Europe/Berlin"): `{name, initial_offset, transitions}` with
 * transitions as [epoch seconds, offset seconds]. Throws a BasketliftError (`bad_config`) for a
 * name Intl does not know.
 */
export function zoneRules(name) {
  if (cache.has(name)) return cache.get(name);
  let format;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: name, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
  } catch {
    throw new BasketliftError('bad_config', `unknown time zone '${name}' (an IANA name such as Europe/Berlin)`);
  }
  const rules = { name, initial_offset: offsetAt(format, FIRST), transitions: [] };
  let before = rules.initial_offset;
  for (let t = FIRST + WEEK; t < LAST; t += WEEK) {
    const now = offsetAt(format, t);
    if (now === before) continue;
    let low = t - WEEK, high = t;  // the offset changes in (low, high]
    while (high - low > 1) {
      const mid = Math.floor((low + high) / 2);
      if (offsetAt(format, mid) === before) low = mid; else high = mid;
    }
    rules.transitions.push([high, now]);
    before = now;
  }
  cache.set(name, rules);
  return rules;
}

/** The zone this browser (or Node) runs in, e.g. "Europe/Berlin" ("UTC" when unknown). */
export function localZone() {
  let zone = 'UTC';
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    // no Intl time zones: UTC
  }
  return ['Etc/UTC', 'Etc/GMT', 'GMT', 'Etc/Universal', 'Universal', 'Etc/Zulu', 'Zulu'].includes(zone) ? 'UTC' : zone;
}
