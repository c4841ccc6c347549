// The service worker: keeps the site's own files so the dashboard opens offline. Requests go
// to the network first (a new build is seen at once) and fall back to the cache; requests to
// other origins are never handled (the page makes none).
const CACHE = 'basketlift-site';

// Stores every file of precache.json (written by the build), dropping files no longer listed.
async function precache() {
  const scope = self.registration.scope;
  const manifest = await (await fetch(new URL('precache.json', scope), { cache: 'no-store' })).json();
  const wanted = ['./', ...manifest.files].map((path) => new URL(path, scope).href);
  const cache = await caches.open(CACHE);
  await cache.addAll(wanted.map((url) => new Request(url, { cache: 'no-store' })));
  for (const request of await cache.keys()) {
    if (!wanted.includes(request.url)) await cache.delete(request);
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith((async () => {
    try {
      const response = await fetch(event.request);
      if (response.status === 200 && response.type === 'basic') {
        const copy = response.clone();
        event.waitUntil(caches.open(CACHE).then((cache) => cache.put(event.request, copy)));
      }
      return response;
    } catch (error) {
      const cached = await caches.match(event.request, { ignoreSearch: true });
      if (cached) return cached;
      throw error;
    }
  })());
});
