// Verve dev mode (never served outside it): the page reloads itself when the app is redeployed or a
// template or stylesheet changes. The server names the generation serving on each (re)connection.
const events = new EventSource("/verve/dev/events");
let served = null;
events.addEventListener("generation", (e) => {
  if (served !== null && e.data !== served) location.reload();
  served = e.data;
});
events.addEventListener("reload", () => location.reload());
