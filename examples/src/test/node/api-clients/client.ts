// A TypeScript program calling the demo through types generated from its /api/openapi.json
// (openapi-typescript) and the openapi-fetch client; the test compiles it with tsc and runs it with node.
declare const process: { argv: string[] };

// tag::openapi-fetch[]
import createClient from "openapi-fetch";
import type { paths } from "./openapi.js"; // npx openapi-typescript http://127.0.0.1:8080/api/openapi.json -o openapi.d.ts

const api = createClient<paths>({ baseUrl: process.argv[2] ?? "http://127.0.0.1:8080" });

const { data: doubled } = await api.POST("/api/Counter/doubleServer", { body: { number: 21 } });
const { error } = await api.POST("/api/Counter/doubleServer", { body: { number: 2.7 } });
console.log(doubled, error?.status, error?.detail); // 42 400 "Invalid arguments for Counter.doubleServer: ..."
// end::openapi-fetch[]
