// The page renderer processes (a tab and its workers) of a Chromium profile, read from /proc
// for the browser benchmarks. Chromium rewrites its processes' titles, so /proc/PID/cmdline is
// one space-separated string.
import { readdir, readFile } from 'node:fs/promises';

/**
 * The text of /proc/PID/`file` (e.g. 'status', 'stat') of each renderer of the profile whose
 * directory is `profile`; a process that ends meanwhile is left out.
 */
export async function rendererFiles(profile, file) {
  const texts = [];
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmdline.includes('--type=renderer') || cmdline.includes('--top-chrome-webui') || !cmdline.includes(profile)) continue;
      texts.push(await readFile(`/proc/${pid}/${file}`, 'utf8'));
    } catch {
      // the process ended meanwhile
    }
  }
  return texts;
}
