// TropiCal's service worker, at the site's root so that its scope is every page. It does three
// things: shows the event reminders the server pushes (lib/planner/reminder-push.ts), opens the
// right calendar day when one is clicked, and answers a page load that fails for want of a network
// with the offline page. It caches only files that are the same for everyone (the offline page, the
// icons, Next's hashed build files): never a page or an API answer, which hold a user's data.

// A new name when the shell files change; the old cache is deleted on activation.
const CACHE = "tropical-shell-v1";
const SHELL = ["/offline.html", "/icons/icon-192.png", "/favicon.ico"];

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(SHELL))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

// Next's build files carry a content hash in their name: a cached copy is never stale.
function isImmutableAsset(url) {
  return url.origin === self.location.origin && url.pathname.startsWith("/_next/static/");
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  if (request.mode === "navigate") {
    // The network always; the offline page only when there is none (an error page from the server
    // is the server's answer and passes through).
    event.respondWith(fetch(request).catch(() => caches.match("/offline.html")));
    return;
  }
  const url = new URL(request.url);
  if (isImmutableAsset(url)) {
    event.respondWith(
      caches.open(CACHE).then(async (cache) => {
        const cached = await cache.match(request);
        if (cached) return cached;
        const response = await fetch(request);
        if (response.ok) await cache.put(request, response.clone());
        return response;
      }),
    );
    return;
  }
  if (SHELL.includes(url.pathname) && url.origin === self.location.origin) {
    event.respondWith(fetch(request).catch(() => caches.match(request)));
  }
});

// The payload is { title, body, url, tag }; anything else is shown as a plain reminder rather than
// dropped, since a push the page cannot show still tells the browser something arrived.
function readPayload(data) {
  try {
    const payload = data ? data.json() : {};
    return typeof payload === "object" && payload !== null ? payload : {};
  } catch {
    return {};
  }
}

self.addEventListener("push", (event) => {
  const payload = readPayload(event.data);
  const title = typeof payload.title === "string" && payload.title ? payload.title : "TropiCal";
  event.waitUntil(
    self.registration.showNotification(title, {
      body: typeof payload.body === "string" ? payload.body : "",
      tag: typeof payload.tag === "string" ? payload.tag : undefined,
      icon: "/icons/icon-192.png",
      badge: "/icons/icon-192.png",
      data: { url: typeof payload.url === "string" ? payload.url : "/dashboard" },
    }),
  );
});

// Opens the notification's page in a window of this site: one already showing it is focused, else
// another of the site's windows goes there, else a new one opens. Only this site's pages are opened.
self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const target = new URL(event.notification.data?.url ?? "/dashboard", self.location.origin);
  const url = target.origin === self.location.origin ? target.href : new URL("/dashboard", self.location.origin).href;
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then(async (windows) => {
      const same = windows.find((client) => client.url === url);
      if (same) return same.focus();
      const other = windows.find((client) => new URL(client.url).origin === self.location.origin && "navigate" in client);
      if (other) {
        const focused = await other.focus();
        return focused.navigate(url);
      }
      return self.clients.openWindow(url);
    }),
  );
});
