// A full page load, not the client router: after signing in or out, or when the session has ended,
// the router's cache still holds pages rendered for the session before, and the middleware has to
// see the new cookies on a request of its own.
export function loadPage(path: string): void {
  window.location.assign(path);
}
