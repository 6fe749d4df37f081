// Must NOT type-check: the test expects tsc to refuse doubleServer("21").
import { doubleServer } from "./verve/fn/Counter.js";

export const doubled: Promise<number> = doubleServer("21");
