// Connects the official @vertx/eventbus-bridge-client.js to a Verve server (argv[2]) and checks that a
// counter.total handler gets the new total after POST /api/Counter/highFive, that registering on an
// unpermitted address answers access_denied, and that the connection keeps working afterwards.
const EventBus = require("@vertx/eventbus-bridge-client.js");

const base = process.argv[2];
const eb = new EventBus(base + "/eventbus");
eb.enableReconnect(false);
let postedAt = 0, seen = 0, denied = false;
const highFive = () => { postedAt = Date.now(); return fetch(base + "/api/Counter/highFive", { method: "POST" }); };
const finish = (code, message) => { console.log(message); process.exit(code); };

eb.onerror = (frame) => {
  console.log("error frame: " + JSON.stringify(frame));
  if (frame && frame.body === "access_denied") {
    denied = true;
    setTimeout(highFive, 50);
  }
};
eb.onopen = () => {
  eb.registerHandler("counter.total", (err, msg) => {
    if (err) return finish(1, "register failed: " + JSON.stringify(err));
    seen++;
    console.log(`counter.total ${msg.body} ${Date.now() - postedAt} ms after the POST`);
    // The first total heard: now try an address the server does not permit.
    if (seen === 1) eb.registerHandler("not.permitted", () => finish(1, "a message from an unpermitted address"));
    // A total heard after the refusal: the connection survived it.
    if (denied) finish(eb.state === EventBus.OPEN ? 0 : 1, `denied=${denied} open=${eb.state === EventBus.OPEN}`);
  });
  // The bridge confirms nothing: publish until the handler hears it.
  const tick = setInterval(() => (seen ? clearInterval(tick) : highFive()), 300);
};
setTimeout(() => finish(1, "timed out"), 15000);
