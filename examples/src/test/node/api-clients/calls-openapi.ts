// The same calls as calls-modules.ts, typed by openapi-typescript from the served /api/openapi.json
// (generated into openapi.d.ts by the test): any language's generator reads the same document.
import type { paths } from "./openapi.js";

type Post<P extends keyof paths> = paths[P]["post"];
type Args<P extends keyof paths> = Post<P> extends { requestBody: { content: { "application/json": infer A } } }
  ? A : Record<string, never>;
type Result<P extends keyof paths> = Post<P> extends { responses: { 200: { content: { "application/json": infer R } } } }
  ? R : void;

declare function call<P extends keyof paths>(path: P, args: Args<P>): Promise<Result<P>>;

type Todo = Result<"/api/Todos/add">;

export async function calls(): Promise<void> {
  const doubled: number = await call("/api/Counter/doubleServer", { number: 21 });
  const greeting: string = await call("/api/Counter/getServerData", {});
  const total: number = await call("/api/Counter/highFive", {});
  const todo: Todo = await call("/api/Todos/add", { title: "Try Verve" });
  const id: number = todo.id;
  const done: boolean = (await call("/api/Todos/toggle", { id })).done;
  const titles: Array<string | undefined> = (await call("/api/Todos/list", {})).map(t => t.title);
  const removed: void = await call("/api/Todos/remove", { id });
  const counts: Record<string, unknown> = await call("/api/Admin/stats", {});
  console.log(doubled, greeting, total, done, titles, removed, counts);

  // @ts-expect-error: number is an int, not a string
  await call("/api/Counter/doubleServer", { number: "21" });
  // @ts-expect-error: the result is a number
  const wrong: string = await call("/api/Counter/doubleServer", { number: 21 });
  // @ts-expect-error: add needs its title
  await call("/api/Todos/add", {});
  // @ts-expect-error: no such argument
  await call("/api/Todos/add", { title: "x", extra: 1 });
}
