// Builds compared run by run: each run measures every site once, in turn, so the machine's slow
// spells fall on all of them (read_file.mjs, read_blob.mjs, aggregates_drop.mjs).

/** The median of `values` (the upper middle one of an even count). */
export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Calls `once(site)` for every site in turn, `runs` times; resolves to each site's results in run order. */
export async function inTurns(sites, runs, once) {
  const results = sites.map(() => []);
  for (let run = 0; run < runs; ++run) {
    for (const [k, site] of sites.entries()) results[k].push(await once(site));
  }
  return results;
}

/** In how many runs the last site's figure was below the first site's. */
export const lastFaster = (figures) => figures[0].filter((value, run) => figures.at(-1)[run] < value).length;
