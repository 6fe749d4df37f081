// Verve browser runtime: one ES module, no dependencies, no build step, no eval (strict-CSP safe).
// Hydrates the server-rendered DOM without re-rendering it. Directives, state keys and what it does not
// support: see the README, "The browser runtime".

const settings = { base: "", apiPrefix: "/api", eventBusUrl: "", sendTimeout: 30000 };

/** base, apiPrefix (for call); eventBusUrl, sendTimeout in ms (for bus). */
export function configure(options) {
  Object.assign(settings, options);
}

/** phase: "network", "http" (+ status, problem: RFC 9457) or "decode". */
export class ServerFunctionError extends Error {
  constructor(phase, message, status = 0, problem = null) {
    super(message);
    Object.assign(this, { name: "ServerFunctionError", phase, status, problem });
  }
}

/** POST <apiPrefix>/<service>/<method>; resolves to the decoded result. File/Blob arguments go as multipart. */
export async function call(service, method, args = {}) {
  let body = JSON.stringify(args);
  if (Object.values(args).some(v => v instanceof Blob || v?.[0] instanceof Blob)) {
    body = new FormData();
    for (const [k, v] of Object.entries(args)) {
      for (const x of [].concat(v ?? [])) body.append(k, x instanceof Blob || typeof x != "object" ? x : JSON.stringify(x));
    }
  }
  return post(`${settings.base}${settings.apiPrefix}/${service}/${method}`, body, `${service}.${method}`);
}

// The answer when its status is 2xx; else the problem as a ServerFunctionError.
async function open(url, body, what, headers = {}, signal) {
  let res, problem = null;
  try {
    res = await fetch(url, { method: "POST", headers: typeof body == "string" ? { "Content-Type": "application/json", ...headers } : headers, body, signal });
  } catch (e) {
    throw new ServerFunctionError("network", `${what}: ${e.message}`);
  }
  if (!res.ok) {
    try { problem = JSON.parse(await res.text()); } catch { /* not problem details */ }
    throw new ServerFunctionError("http", problem?.detail || `${what}: HTTP ${res.status}`, res.status, problem);
  }
  return res;
}

async function post(url, body, what) {
  const res = await open(url, body, what);
  let text;
  try { text = await res.text(); } catch (e) { throw new ServerFunctionError("network", `${what}: ${e.message}`); }
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    throw new ServerFunctionError("decode", `${what}: the answer is not JSON`, res.status);
  }
}

/**
 * A stream function's items as an async iterable (text/event-stream). `break` or aborting `signal` closes
 * the connection, which stops the stream at its source; a failure throws a ServerFunctionError.
 */
export async function* stream(service, method, args = {}, signal) {
  const what = `${service}.${method}`, ac = new AbortController(), stop = () => ac.abort();
  signal?.addEventListener("abort", stop);
  try {
    const res = await open(`${settings.base}${settings.apiPrefix}/${service}/${method}`, JSON.stringify(args), what,
      { Accept: "text/event-stream" }, ac.signal);
    const rd = res.body.pipeThrough(new TextDecoderStream()).getReader();
    for (let buf = "", i; ;) {
      let r;
      try { r = await rd.read(); } catch (e) { throw new ServerFunctionError("network", `${what}: ${e.message}`); }
      if (r.done) throw new ServerFunctionError("network", `${what}: the stream was cut short`);
      buf += r.value;
      while ((i = buf.indexOf("\n\n")) >= 0) {
        const ev = {};
        for (const l of buf.slice(0, i).split("\n")) { const m = /^(event|data): ?(.*)/.exec(l); if (m) ev[m[1]] = m[2]; }
        buf = buf.slice(i + 2);
        if (ev.data == null) continue;
        let v;
        try { v = JSON.parse(ev.data); } catch { throw new ServerFunctionError("decode", `${what}: an item is not JSON`, 200); }
        if (ev.event == "end") return;
        if (ev.event == "problem") throw new ServerFunctionError("http", v.detail || `${what} failed`, v.status, v);
        if (ac.signal.aborted) throw new ServerFunctionError("network", `${what}: aborted`);
        yield v;
      }
    }
  } finally {
    signal?.removeEventListener("abort", stop);
    ac.abort();
  }
}

// Signals (preact-signals style): a source has a version _n and subscribers _s; an observer keeps the
// versions it read (_d) and reruns, on a microtask, if one moved.
let observer, depth = 0, scheduled;
const queue = new Set();

class Signal {
  constructor(v) { this._v = v; this._n = 0; this._s = new Set(); }
  get value() {
    this._r();
    if (observer) { observer._d.set(this, this._n); this._s.add(observer); }
    return this._v;
  }
  set value(v) {
    if (!Object.is(v, this._v)) { this._v = v; this._n++; this._s.forEach(o => o._m()); }
  }
  peek() { this._r(); return this._v; }
  _r() {}
}

class Computed extends Signal {
  constructor(f) { super(); this._f = f; this._dirty = 1; }
  _r() {
    if (this._dirty && stale(this)) {
      const v = run(this);
      if (!Object.is(v, this._v)) { this._v = v; this._n++; }
    }
    this._dirty = 0;
  }
  _m() { if (!this._dirty) { this._dirty = 1; this._s.forEach(o => o._m()); } }
}

class Effect {
  constructor(f) { this._f = f; }
  _m() { queue.add(this); schedule(); }
  _x() {
    try { if (stale(this)) { this._k(); this._c = run(this); } } catch (e) { console.error("verve:", e); }
  }
  _k() { typeof this._c == "function" && this._c(); this._c = 0; }
}

function stale(o) {
  if (!o._d) return true;
  for (const [d, n] of o._d) { d._r(); if (d._n !== n) return true; }
}

function run(o) {
  o._d?.forEach((_, d) => d._s.delete(o));
  o._d = new Map();
  const prev = observer;
  observer = o;
  try { return o._f(); } finally { observer = prev; }
}

function schedule() {
  if (!scheduled && !depth) { scheduled = true; queueMicrotask(flush); }
}

function flush() {
  scheduled = false;
  for (let round = 0; queue.size; round++) {
    const todo = [...queue];
    queue.clear();
    if (round > 99) return console.error("verve: effects keep triggering each other");
    todo.forEach(e => e._x());
  }
}

export const signal = v => new Signal(v);
export const computed = f => new Computed(f);

export function effect(f) {
  const e = new Effect(f);
  e._x();
  return () => {
    e._k();
    queue.delete(e);
    e._d?.forEach((_, d) => d._s.delete(e));
    e._d = new Map();
  };
}

export function batch(f) {
  depth++;
  try { return f(); } finally { if (!--depth) flush(); }
}

const slots = new Map();
const slot = k => slots.get(k) || slots.set(k, signal()).get(k);

/** store.x reads a signal (tracked); store.x = v writes it. */
export const store = new Proxy({}, {
  get: (_, k) => typeof k == "string" ? slot(k).value : undefined,
  set: (_, k, v) => (slot(k).value = v, true),
});

let state = {};
try {
  state = JSON.parse(document.getElementById("verve-state")?.textContent || "{}") || {};
} catch (e) { console.error("verve: #verve-state:", e); }
for (const k in state) if (k[0] != "$") slots.set(k, signal(state[k]));
const dev = state.$dev;

// A list row scope: p parent, i item signal, x index signal, n new (not adopted).
function owner(s, h) {
  for (; s; s = s.p) {
    const it = s.i.value;
    if (h[0] == "$" || (it && typeof it == "object" && h in it)) return s;
  }
}

function get(s, path) {
  const not = path[0] == "!", [h, ...rest] = path.slice(not).split("."), o = owner(s, h);
  let v = !o ? store[h] : h == "$index" ? o.x.value : h == "$item" ? o.i.value : o.i.value[h];
  for (const k of rest) v = v?.[k];
  return not ? !v : v;
}

function fail(el, e) {
  console.error("verve:", e);
  el.dispatchEvent(new CustomEvent("verve:error", { bubbles: true, detail: e }));
}

const registry = Object.create(null);

/** actions({ name(store, { event, el, item, index }) {} }); calls merge. */
export function actions(map) {
  Object.assign(registry, map);
}

function act(name, el, event, s, more) {
  try {
    if (!registry[name]) throw new Error(`unknown action "${name}"`);
    const ctx = { event, el, item: s?.i.peek(), index: s?.x.peek(), ...more };
    Promise.resolve(registry[name](store, ctx)).catch(e => fail(el, e));
  } catch (e) { fail(el, e); }
}

const str = v => v == null ? "" : String(v);
const hide = (el, h) => el.hidden !== h && (el.hidden = h);
const listen = (el, ev, f) => (el.addEventListener(ev, f), () => el.removeEventListener(ev, f));

// Directives: (element, name, row, argument) => cleanup.
const directives = {
  text(el, p, s) {
    let last = el.textContent.trim(), check = dev && !s?.n;
    return effect(() => {
      const v = get(s, p), t = str(v);
      if (check && t !== last) console.warn("verve: hydration mismatch", el, { server: last, state: v });
      check = 0;
      if (t !== last) el.textContent = last = t;
    });
  },

  value(el, p, s) {
    const t = el.type, box = t == "checkbox", num = t == "number" || t == "range";
    const stop = effect(() => {
      const v = get(s, p);
      if (box) el.checked = !!v;
      else if (t == "radio") el.checked = str(v) === el.value;
      else if (num ? !Object.is(el.valueAsNumber, v) : el.value !== str(v)) el.value = str(v);
    });
    const off = listen(el, box || t == "radio" || el.tagName == "SELECT" ? "change" : "input", () => {
      if (/^\w+$/.test(p) && !owner(s, p)) store[p] = box ? el.checked : num ? el.valueAsNumber : el.value;
    });
    return () => { stop(); off(); };
  },

  show: (el, p, s) => effect(() => hide(el, !get(s, p))),
  hide: (el, p, s) => effect(() => hide(el, !!get(s, p))),

  // true sets "", false/null/undefined removes; checked/value also set the property.
  bind: (el, p, s, a) => effect(() => {
    const v = get(s, p), on = v != null && v !== false, x = on && v !== true ? String(v) : "";
    if (!on) el.removeAttribute(a);
    else if (v === true ? !el.hasAttribute(a) : el.getAttribute(a) !== x) el.setAttribute(a, x);
    if (a == "checked") el.checked = on;
    if (a == "value" && el.value !== x) el.value = x;
  }),

  on: (el, name, s, ev) => listen(el, ev, e => { ev == "submit" && e.preventDefault(); act(name, el, e, s); }),

  // A form posting to a server function, sent with fetch. As after a post without JavaScript, success sets
  // store.result (and store[data-result]), clears store.problem and runs the action "<Interface>.<method>"
  // if there is one ({ result, values }); a failure sets store.problem: errors by argument, general if none.
  // On success store.answered.<Interface>.<method> says whose result it is, as after a post without JavaScript.
  form: (el, fn, s, url) => listen(el, "submit", async e => {
    e.preventDefault();
    const data = new FormData(el, e.submitter), buttons = el.querySelectorAll("button,[type=submit]"), values = {},
      [i, m] = fn.split(".");
    data.forEach((v, k) => values[k] = v);
    buttons.forEach(b => b.disabled = true);
    try {
      const result = await post(url, data, fn);
      batch(() => {
        store.problem = store.values = undefined;
        store.answered = { [i]: { [m]: true } };
        store.result = result;
        if (el.dataset.result) store[el.dataset.result] = result;
      });
      el.reset();
      // data-upsert="list": the result (or each of a list of results) into that live list, by key.
      el.dataset.upsert && [].concat(result ?? []).forEach(r => change(el.dataset.upsert, { upsert: r }));
      registry[fn] && act(fn, el, e, s, { result, values });
    } catch (x) {
      const errors = {}, p = { status: x.status, detail: x.message, ...x.problem, errors };
      x.problem?.errors?.forEach?.(v => errors[v.argument] = v.detail);
      if (!Object.keys(errors).length) p.general = p.detail;
      batch(() => { store.answered = undefined; store.problem = p; });
      el.dispatchEvent(new CustomEvent("verve:error", { bubbles: true, detail: x }));
    } finally {
      buttons.forEach(b => b.disabled = false);
    }
  }),

  // Rows rendered after the template are adopted by data-key, not rebuilt.
  each(tpl, p, s) {
    const kp = tpl.dataset.key, drop = r => r.d?.forEach(f => f());
    let rows = new Map();
    for (let el = tpl.nextElementSibling; el?.matches("[data-key]:not(template)"); el = el.nextElementSibling) {
      rows.set(el.dataset.key, { el });
    }
    const stop = effect(() => {
      const next = new Map();
      (get(s, p) || []).forEach((it, i) => {
        const k = String(kp ? it?.[kp] : i);
        let r = rows.get(k);
        if (next.has(k)) return console.error("verve: duplicate key", k, tpl);
        if (r?.i) { r.i.value = it; r.x.value = i; }
        else {
          const n = !r || s?.n;
          if (!r) { r = { el: tpl.content.firstElementChild.cloneNode(true) }; r.el.setAttribute("data-key", k); }
          Object.assign(r, { p: s, i: signal(it), x: signal(i), n, d: [] });
          walk(r.el, r, r.d);
        }
        next.set(k, r);
      });
      rows.forEach((r, k) => { if (!next.has(k)) { drop(r); r.el.remove(); } });
      let prev = tpl;
      next.forEach(r => { prev.nextElementSibling !== r.el && prev.after(r.el); prev = r.el; });
      rows = next;
    });
    return () => { stop(); rows.forEach(drop); };
  },
};

const done = new WeakSet();

function walk(el, s, out) {
  if (done.has(el)) return;
  done.add(el);
  const bind = (d, v, arg) => { try { out.push(directives[d](el, v, s, arg)); } catch (e) { fail(el, e); } };
  if (el.tagName == "TEMPLATE") return el.dataset.each && bind("each", el.dataset.each);
  // Read from the attribute: a row cloned from a <template> is not in the document yet.
  const u = el.tagName == "FORM" && el.method == "post" && !el.dataset.onSubmit
    && new URL(el.getAttribute("action") || "", location), p = settings.apiPrefix + "/";
  if (u?.origin == location.origin && u.pathname.startsWith(p)) bind("form", u.pathname.slice(p.length).replace("/", "."), u.href);
  for (const a of [...el.attributes]) {
    const m = /^data-(?:(text|value|show|hide)$|(bind|on)-(.+))/.exec(a.name);
    if (m) bind(m[1] || m[2], a.value, m[3]);
  }
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) walk(c, s, out);
}

/** Binds the data-* attributes under root, each element once. */
export function hydrate(root = document.documentElement) {
  walk(root, null, []);
}

// Event bus: bridge frames over a WebSocket opened on first use, ping every 5 s; after a drop, reconnect
// (0.5 s doubling to 10 s, jittered) and re-register.
export const bus = (() => {
  const subs = new Map(), waiting = new Map(), out = [];
  let ws, pinger, delay = 500, seq = 0;

  const open = () => ws?.readyState == 1;
  const raw = f => open() && ws.send(JSON.stringify(f));
  const write = f => open() ? raw(f) : (out.push(f), connect());
  const settle = r => { const w = waiting.get(r); clearTimeout(w?.t); waiting.delete(r); return w; };
  const rejectAll = e => waiting.forEach((w, r) => settle(r).rej(e));

  function connect() {
    if (ws) return;
    const same = `ws${location.protocol == "https:" ? "s" : ""}://${location.host}/eventbus/websocket`;
    ws = new WebSocket(settings.eventBusUrl || same);
    ws.binaryType = "arraybuffer";
    ws.onopen = () => {
      delay = 500;
      subs.forEach((_, address) => raw({ type: "register", address }));
      out.splice(0).forEach(raw);
      pinger = setInterval(() => raw({ type: "ping" }), 5000);
    };
    ws.onmessage = ({ data }) => {
      try {
        const m = JSON.parse(typeof data == "string" ? data : new TextDecoder().decode(data));
        const w = settle(m.address);
        const e = m.type == "err" && Object.assign(new Error(m.message || `event bus refused: ${m.body}`),
          { failureCode: m.failureCode, failureType: m.failureType || m.body });
        if (w) e ? w.rej(e) : w.res(m.body);
        else if (e) { console.error("verve:", e); m.address || rejectAll(e); }
        else for (const h of [...(subs.get(m.address) || [])]) h(m.body, m);
      } catch (x) { console.error("verve: event bus:", x); }
    };
    ws.onclose = () => {
      clearInterval(pinger);
      ws = null;
      out.length = 0;
      rejectAll(new Error("verve: event bus connection closed"));
      if (subs.size) setTimeout(connect, delay * (0.5 + Math.random()));
      delay = Math.min(delay * 2, 10000);
    };
  }

  return {
    /** handler(body, frame) per message; returns unsubscribe. */
    subscribe(address, handler) {
      let set = subs.get(address);
      if (!set) {
        subs.set(address, set = new Set());
        open() ? raw({ type: "register", address }) : connect();
      }
      set.add(handler);
      return () => {
        set.delete(handler);
        if (!set.size && subs.get(address) == set) { subs.delete(address); raw({ type: "unregister", address }); }
      };
    },
    publish(address, body) {
      write({ type: "publish", address, body });
    },
    /** The reply body; rejects on failure, refusal, close or timeout. */
    send(address, body, timeout = settings.sendTimeout) {
      return new Promise((res, rej) => {
        const r = `verve.${++seq}.${Math.random().toString(36).slice(2, 10)}`;
        const t = setTimeout(() => settle(r) && rej(new Error(`verve: no reply from ${address}`)), timeout);
        waiting.set(r, { res, rej, t });
        write({ type: "send", address, body, replyAddress: r });
      });
    },
  };
})();

// A live list's change, by its key: { upsert: item } adds a new key or replaces its row, { remove: key }
// removes it, any other value is an upsert of itself. The same change twice shows once.
const keyOf = k => state.$live?.[k]?.key || "id";
function change(k, c) {
  const key = keyOf(k), list = [...(store[k] || [])], same = x => String(x?.[key]) === String(it?.[key]);
  const it = c && typeof c == "object" && "upsert" in c ? c.upsert : c;
  if (c && typeof c == "object" && "remove" in c) store[k] = list.filter(x => String(x?.[key]) !== String(c.remove));
  else { const i = list.findIndex(same); i < 0 ? list.push(it) : list[i] = it; store[k] = list; }
}

// A stream kept open: read again after an end or a failure (0.5 s doubling to 10 s), but not after a refusal.
async function follow(k, l) {
  for (let delay = 500; ; delay = Math.min(delay * 2, 10000)) {
    try {
      for await (const c of stream(l.service, l.method, l.args)) { change(k, c); delay = 500; }
    } catch (e) {
      console.error(`verve: live ${k}:`, e);
      if ([401, 403, 404, 400].includes(e.status)) return;
    }
    await new Promise(r => setTimeout(r, delay * (0.5 + Math.random())));
  }
}

// After the page's modules: hydrate, then fetch $resources, subscribe $subscriptions and follow $live lists.
let started;

function start() {
  if (started) return;
  started = 1;
  hydrate();
  document.documentElement.setAttribute("data-verve-hydrated", "");
  for (const [k, r] of Object.entries(state.$resources || {})) {
    call(r.service, r.method, r.args).then(v => { store[k] = v; }, e => {
      console.error(`verve: resource ${k}:`, e);
      store[k + "Error"] = e.message;
    });
  }
  for (const [k, address] of Object.entries(state.$subscriptions || {})) {
    bus.subscribe(address, body => { store[k] = body; });
  }
  for (const [k, l] of Object.entries(state.$live || {})) {
    l.address ? bus.subscribe(l.address, c => change(k, c)) : follow(k, l);
  }
}

if (document.readyState == "complete") start();
else addEventListener("DOMContentLoaded", start), addEventListener("load", start);
