// Verve browser runtime: calls server functions over HTTP. No dependencies, no eval.
// The generated modules at /verve/fn/<Interface>.js import `call` from here.

const settings = { base: "", apiPrefix: "/api" };

/** Sets where functions are called: `base` (default: this origin) and `apiPrefix` (default "/api"). */
export function configure(options) {
  Object.assign(settings, options);
}

/**
 * Why a call failed: `phase` is "network" (the server was not reached), "http" (it answered with an
 * error status; `status` and the RFC 9457 `problem` are set) or "decode" (the answer was not JSON).
 */
export class ServerFunctionError extends Error {
  constructor(phase, message, status = 0, problem = null) {
    super(message);
    this.name = "ServerFunctionError";
    this.phase = phase;
    this.status = status;
    this.problem = problem;
  }
}

/** Calls `POST <apiPrefix>/<service>/<method>` with `args`; resolves to the decoded result. */
export async function call(service, method, args = {}) {
  const url = `${settings.base}${settings.apiPrefix}/${encodeURIComponent(service)}/${encodeURIComponent(method)}`;
  let response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(args),
    });
  } catch (e) {
    throw new ServerFunctionError("network", `${service}.${method}: ${e.message}`);
  }
  const text = await response.text();
  if (!response.ok) {
    let problem = null;
    try { problem = JSON.parse(text); } catch (e) { /* not problem details */ }
    const detail = (problem && problem.detail) || response.statusText || `HTTP ${response.status}`;
    throw new ServerFunctionError("http", detail, response.status, problem);
  }
  if (response.status === 204 || text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ServerFunctionError("decode", `${service}.${method}: the answer is not JSON`, response.status);
  }
}
