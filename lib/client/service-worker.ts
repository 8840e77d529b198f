// The site's service worker (public/sw.js), registered once per page load; the settings' push
// switch waits on the same registration. Null where the browser has none (or the page is not a
// secure context).
let registering: Promise<ServiceWorkerRegistration | null> | null = null;

export function registerServiceWorker(): Promise<ServiceWorkerRegistration | null> {
  if (!("serviceWorker" in navigator)) return Promise.resolve(null);
  registering ??= navigator.serviceWorker.register("/sw.js", { scope: "/" }).then(
    () => navigator.serviceWorker.ready,
    () => null,
  );
  return registering;
}
