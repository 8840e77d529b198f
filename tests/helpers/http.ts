import { randomUUID } from "node:crypto";
import http from "node:http";
import { testEnv } from "./env";

export interface SetCookie {
  name: string;
  value: string;
  attributes: Map<string, string>;
}

export function parseSetCookie(header: string): SetCookie {
  const [pair = "", ...rest] = header.split(";");
  const index = pair.indexOf("=");
  const attributes = new Map<string, string>();
  for (const part of rest) {
    const [key = "", ...value] = part.trim().split("=");
    attributes.set(key.toLowerCase(), value.join("="));
  }
  return { name: pair.slice(0, index).trim(), value: pair.slice(index + 1).trim(), attributes };
}

export interface RequestOptions {
  method?: string;
  json?: unknown;
  body?: string;
  headers?: Record<string, string>;
  // Send a same-site Origin header, as our own pages do. Off for requests that test the check itself.
  sameOrigin?: boolean;
}

// A documentation-range address (2001:db8::/32) per client, as the stack's one trusted proxy would report it.
export function randomAddress(): string {
  const hex = randomUUID().replaceAll("-", "");
  return `2001:db8:${hex.slice(0, 4)}:${hex.slice(4, 8)}:${hex.slice(8, 12)}:${hex.slice(12, 16)}:${hex.slice(16, 20)}:${hex.slice(20, 24)}`;
}

// Node's own fetch, kept even when a test puts a browser's stand-in in its place
// (tests/integration/client-single-flight.test.ts routes the browser client through a Client).
const nodeFetch = globalThis.fetch;

// A minimal browser stand-in: keeps cookies per name and path like a browser would, follows no
// redirects, and comes from its own address.
export class Client {
  readonly cookies = new Map<string, SetCookie>();
  constructor(
    readonly address = randomAddress(),
    readonly base = testEnv().TEST_BASE_URL,
  ) {}

  cookieHeader(path: string): string {
    return [...this.cookies.values()]
      .filter((cookie) => path.startsWith(cookie.attributes.get("path") ?? "/"))
      .map((cookie) => `${cookie.name}=${cookie.value}`)
      .join("; ");
  }

  // The same browser talking to another server of the site (another instance), with its cookies.
  at(base: string): Client {
    const other = new Client(this.address, base);
    other.takeCookiesFrom(this);
    return other;
  }

  // A thief's copy of these cookies, sent from an address of the thief's own.
  stolen(): Client {
    const thief = new Client();
    thief.takeCookiesFrom(this);
    return thief;
  }

  // Every cookie of `other` in place of this client's own.
  takeCookiesFrom(other: Client): void {
    this.cookies.clear();
    for (const [name, cookie] of other.cookies) this.cookies.set(name, cookie);
  }

  setCookie(name: string, value: string, path = "/"): void {
    this.cookies.set(name, { name, value, attributes: new Map([["path", path]]) });
  }

  async request(path: string, options: RequestOptions = {}): Promise<Response> {
    const headers: Record<string, string> = { "x-forwarded-for": this.address, ...options.headers };
    const cookie = this.cookieHeader(path.split("?")[0] ?? path);
    if (cookie) headers.cookie = cookie;
    if (options.json !== undefined) headers["content-type"] ??= "application/json";
    if (options.sameOrigin !== false && (options.method ?? "GET") !== "GET") headers.origin ??= this.base;
    const response = await this.send(`${this.base}${path}`, {
      method: options.method ?? "GET",
      headers,
      body: options.json !== undefined ? JSON.stringify(options.json) : options.body,
    });
    for (const header of response.headers.getSetCookie()) {
      const parsed = parseSetCookie(header);
      if (parsed.attributes.get("max-age") === "0" || parsed.value === "") this.cookies.delete(parsed.name);
      else this.cookies.set(parsed.name, parsed);
    }
    return response;
  }

  protected send(url: string, init: { method: string; headers: Record<string, string>; body?: string }): Promise<Response> {
    return nodeFetch(url, { ...init, redirect: "manual" });
  }

  // Where a redirect points, as an absolute URL (Next sends same-origin Locations relative).
  location(response: Response): string {
    const location = response.headers.get("location");
    return location === null ? "" : new URL(location, this.base).toString();
  }

  post(path: string, json?: unknown, options: RequestOptions = {}): Promise<Response> {
    return this.request(path, { ...options, method: "POST", json });
  }

  // A form the browser posts itself, as the mailed links' confirmation pages do.
  postForm(path: string, fields: Record<string, string>, options: RequestOptions = {}): Promise<Response> {
    return this.request(path, { ...options, method: "POST", body: new URLSearchParams(fields).toString(), headers: { "content-type": "application/x-www-form-urlencoded", ...options.headers } });
  }

  // What a person does with a link from a mail: open its page, then press the page's one button,
  // which posts the link's token to `action`. Answers the button's response.
  async followMailedLink(link: string, action: string): Promise<Response> {
    const url = new URL(link);
    const page = await this.request(`${url.pathname}${url.search}`);
    if (page.status !== 200) throw new Error(`${url.pathname} answered ${page.status}`);
    if (!(await page.text()).includes(`action="${action}"`)) throw new Error(`${url.pathname} has no form posting to ${action}`);
    return this.postForm(action, { token: url.searchParams.get("token") ?? "" });
  }
}

// node:http, because fetch will not send a Host header of our choosing.
export function rawRequest(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const base = new URL(testEnv().TEST_BASE_URL);
  return new Promise((resolve, reject) => {
    const request = http.request({ host: "127.0.0.1", port: base.port, path, method: options.method ?? "GET", headers: options.headers }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on("error", reject);
    request.end(options.body);
  });
}

// A client whose connections come from its own loopback address (127.0.0.0/8 is all loopback on
// Linux), for a proxy in front that takes the client address from the socket, as a real one does.
export class LoopbackClient extends Client {
  constructor(
    base: string,
    readonly localAddress = `127.${Math.floor(Math.random() * 250) + 2}.${Math.floor(Math.random() * 250) + 2}.${Math.floor(Math.random() * 250) + 2}`,
  ) {
    super(localAddress, base);
  }

  protected override send(url: string, init: { method: string; headers: Record<string, string>; body?: string }): Promise<Response> {
    const target = new URL(url);
    // No X-Forwarded-For of the client's own unless a test writes one on purpose.
    const { "x-forwarded-for": _ownClaim, ...headers } = init.headers;
    const sent = init.headers["x-forwarded-for"] === this.address ? headers : init.headers;
    return new Promise((resolve, reject) => {
      const request = http.request(
        { host: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, method: init.method, headers: sent, localAddress: this.localAddress, agent: false },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => {
            const answer = new Headers();
            for (const [name, value] of Object.entries(response.headers)) {
              for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) answer.append(name, item);
            }
            const status = response.statusCode ?? 0;
            const body = status === 204 || status === 304 || init.method === "HEAD" ? null : Buffer.concat(chunks);
            resolve(new Response(body, { status, headers: answer }));
          });
          response.on("error", reject);
        },
      );
      request.on("error", reject);
      request.end(init.body);
    });
  }
}
