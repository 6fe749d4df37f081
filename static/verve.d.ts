// TypeScript declarations of the Verve browser runtime (verve.js), served at /verve/verve.d.ts.
// The generated modules (/verve/fn/<Interface>.js) have their own, /verve/fn/<Interface>.d.ts.

/** An RFC 9457 problem, as every failed function call answers. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** One entry per invalid argument (400). */
  errors?: Array<{ argument: string; detail: string }>;
  /** Ties a 500 to the server's log line. */
  correlationId?: string;
  [member: string]: unknown;
}

export interface Settings {
  /** Origin of the server, "" for the page's own. */
  base?: string;
  /** Where functions are served, "/api" by default. */
  apiPrefix?: string;
  /** The bridge's WebSocket URL, the page's own /eventbus/websocket by default. */
  eventBusUrl?: string;
  /** Milliseconds before bus.send gives up. */
  sendTimeout?: number;
}

export declare function configure(options: Settings): void;

/** How a call failed: "network" (no answer), "http" (an error status, with its problem) or "decode". */
export declare class ServerFunctionError extends Error {
  readonly name: "ServerFunctionError";
  readonly phase: "network" | "http" | "decode";
  /** The HTTP status, 0 when there was no answer. */
  readonly status: number;
  readonly problem: Problem | null;
  constructor(phase: "network" | "http" | "decode", message: string, status?: number, problem?: Problem | null);
}

/** POST <apiPrefix>/<service>/<method> with the arguments; resolves to the decoded result. */
export declare function call<T = unknown>(service: string, method: string, args?: Record<string, unknown>): Promise<T>;

/**
 * A stream function's items (text/event-stream), in order. `break` out of `for await`, or abort `signal`, to
 * stop it at its source; a failure throws a ServerFunctionError.
 */
export declare function stream<T = unknown>(service: string, method: string, args?: Record<string, unknown>,
  signal?: AbortSignal): AsyncIterable<T>;

export interface ReadonlySignal<T> {
  readonly value: T;
  peek(): T;
}

export interface Signal<T> extends ReadonlySignal<T> {
  value: T;
}

export declare function signal<T>(value: T): Signal<T>;
export declare function signal<T = undefined>(): Signal<T | undefined>;
export declare function computed<T>(compute: () => T): ReadonlySignal<T>;
/** Runs now and again whenever a signal it read changes; returns its disposer. */
export declare function effect(run: () => void | (() => void)): () => void;
export declare function batch<T>(run: () => T): T;

/** The page state: store.x reads a signal (tracked), store.x = v writes it. */
export declare const store: Record<string, any>;

export interface ActionContext {
  event: Event;
  el: Element;
  /** The row's item inside a data-each list. */
  item?: any;
  index?: number;
}

/** Named actions for data-on-<event> attributes; calls merge. */
export declare function actions(map: Record<string, (store: Record<string, any>, context: ActionContext) => unknown>): void;

/** Binds the data-* attributes under root, each element once. */
export declare function hydrate(root?: Element): void;

/** The event bus, over the bridge's WebSocket. */
export declare const bus: {
  /** handler(body, frame) per message; returns unsubscribe. */
  subscribe(address: string, handler: (body: any, frame: Record<string, unknown>) => void): () => void;
  publish(address: string, body: unknown): void;
  /** The reply body; rejects on failure, refusal, close or timeout. */
  send<T = unknown>(address: string, body: unknown, timeout?: number): Promise<T>;
};
