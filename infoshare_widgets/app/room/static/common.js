/* Shared by the room pages: wording, the API (relative addresses, the request header that
   another site cannot send), and drawing a question's options. Text is set as textContent;
   only the server's sanitised HTML (prompt, feedback) goes into innerHTML. */
"use strict";
window.Room = (() => {
  const words = JSON.parse(document.getElementById("room-words").textContent);
  const base = document.body.dataset.room + "api/";
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  async function api(method, path, { body, headers } = {}) {
    const init = { method, headers: { "X-Infoshare-Room": "1", ...(headers || {}) },
                   cache: "no-store", credentials: "same-origin" };
    if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers["Content-Type"] = "application/json";
    }
    const response = await fetch(base + path, init);
    let data = {};
    try { data = await response.json(); } catch (e) { data = {}; }
    return { status: response.status, data };
  }

  function say(key) { return words[key] || words.room_refused || key; }

  function el(tag, props = {}, children = []) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (k === "text") node.textContent = v;
      else if (k === "html") node.innerHTML = v;  // sanitised by the server only
      else node.setAttribute(k, v);
    }
    for (const child of children) node.append(child);
    return node;
  }

  // The order a question's options are shown in on the projector and every phone: the room's
  // code seeds it (ui/order.js, served with the widgets' files; the body names its address).
  // Until that module has loaded, or if it cannot, the content's order. Values stay content
  // indices, so answers and counts do not depend on it.
  let orderModule = null;
  const orderReady = import(new URL(document.body.dataset.order, location.href).href)
    .then((module) => { orderModule = module; }, () => {});
  function shownOrder(code, id, count) {
    return orderModule ? orderModule.roomOrder(code, id, count) : [...Array(count).keys()];
  }

  return { words, api, say, el, sleep, orderReady, shownOrder };
})();
