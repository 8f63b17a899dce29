// The ops dashboard: one call to the gateway's aggregate GET /api/v1/ops/dashboard every 15 seconds, drawn with DOM
// calls only (every text through textContent: error texts and tenant names are data, never markup). Replay and
// discard go to the dead letter's own service through the gateway. Nothing is fetched for a user without the ops
// role, and the gateway would refuse it anyway.
"use strict";

(() => {
  const REFRESH_MS = 15000;
  const SVG = "http://www.w3.org/2000/svg";
  let timer = null;

  function el(tag, text, attrs) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
    return node;
  }

  function table(id, head, rows, empty) {
    const t = document.getElementById(id);
    t.replaceChildren();
    if (!rows.length) {
      const tr = el("tr");
      tr.appendChild(el("td", empty, { colspan: String(head.length), class: "empty" }));
      t.appendChild(tr);
      return t;
    }
    const thead = el("tr");
    head.forEach(h => thead.appendChild(el("th", h)));
    t.appendChild(thead);
    rows.forEach(cells => {
      const tr = el("tr");
      cells.forEach(c => {
        const td = el("td");
        if (c instanceof Node) {
          td.appendChild(c);
        } else {
          td.textContent = c === null || c === undefined ? "" : String(c);
        }
        tr.appendChild(td);
      });
      t.appendChild(tr);
    });
    return t;
  }

  function unavailable(id, what) {
    table(id, [what], [], what + ": not available (see the message above)");
  }

  async function api(method, path, body) {
    const headers = { Authorization: "Bearer " + ConsoleAuth.accessToken(), Accept: "application/json" };
    if (method === "POST") {
      headers["Content-Type"] = "application/json";
      headers["Idempotency-Key"] = crypto.randomUUID();
    }
    const answer = await fetch(path, { method, headers, body: body ? JSON.stringify(body) : undefined });
    const json = await answer.json().catch(() => null);
    if (!answer.ok) {
      const detail = json && (json.detail || json.title);
      throw new Error(method + " " + path + ": " + answer.status + (detail ? " " + detail : ""));
    }
    return json;
  }

  /** Each service's dead letters are reached at the gateway under its name; the gateway's own at /api/v1/ops. */
  function deadLetterPath(service, id, action) {
    const base = service === "gateway" ? "/api/v1/ops/dead-letters" : "/api/v1/ops/services/" + service + "/dead-letters";
    return base + "/" + encodeURIComponent(id) + "/" + action;
  }

  async function act(service, id, action, reason) {
    try {
      await api("POST", deadLetterPath(service, id, action), action === "discard" ? { reason } : undefined);
      ConsoleSession.message("Dead letter " + id + " of " + service + ": " + (action === "replay" ? "replayed" : "discarded") + ".", "info");
    } catch (e) {
      ConsoleSession.message(e.message, "error");
    }
    await load();
  }

  function deadLetterActions(service, letter) {
    const box = el("span", null, { class: "actions" });
    const replay = el("button", "Replay", { type: "button", class: "replay", "data-id": letter.id });
    replay.addEventListener("click", () => act(service, letter.id, "replay"));
    const reason = el("input", null, { type: "text", placeholder: "reason to discard", maxlength: "1000", "aria-label": "Reason to discard" });
    const discard = el("button", "Discard", { type: "button", class: "discard", "data-id": letter.id });
    discard.addEventListener("click", () => {
      if (!reason.value.trim()) {
        ConsoleSession.message("Give a reason to discard dead letter " + letter.id + ".", "warning");
        return;
      }
      act(service, letter.id, "discard", reason.value.trim());
    });
    box.append(replay, reason, discard);
    return box;
  }

  function chart(days) {
    const box = document.getElementById("per-day-chart");
    box.replaceChildren();
    if (!days) {
      box.appendChild(el("p", "Not available (see the message above)", { class: "empty" }));
      return;
    }
    const width = 720, height = 180, pad = 24;
    const max = Math.max(1, ...days.map(d => Math.max(d.opened, d.closed)));
    const slot = (width - pad) / Math.max(1, days.length);
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 " + width + " " + (height + 30));
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", "Cases opened and closed per day");
    const bar = (x, value, cls, label) => {
      const h = (height - pad) * value / max;
      const r = document.createElementNS(SVG, "rect");
      r.setAttribute("x", String(x));
      r.setAttribute("y", String(height - h));
      r.setAttribute("width", String(Math.max(1, slot / 2 - 2)));
      r.setAttribute("height", String(h));
      r.setAttribute("class", cls);
      const title = document.createElementNS(SVG, "title");
      title.textContent = label;
      r.appendChild(title);
      svg.appendChild(r);
    };
    days.forEach((d, i) => {
      const x = pad + i * slot;
      bar(x, d.opened, "opened", d.date + ": " + d.opened + " opened");
      bar(x + slot / 2, d.closed, "closed", d.date + ": " + d.closed + " closed");
      if (i % Math.ceil(days.length / 7) === 0) {
        const t = document.createElementNS(SVG, "text");
        t.setAttribute("x", String(x));
        t.setAttribute("y", String(height + 16));
        t.textContent = d.date.slice(5);
        svg.appendChild(t);
      }
    });
    const axis = document.createElementNS(SVG, "text");
    axis.setAttribute("x", "0");
    axis.setAttribute("y", "12");
    axis.textContent = String(max);
    svg.appendChild(axis);
    box.appendChild(svg);
    const legend = el("p", null, { class: "legend" });
    legend.append(el("span", "opened", { class: "swatch opened" }), el("span", "closed", { class: "swatch closed" }));
    const totals = days.reduce((a, d) => [a[0] + d.opened, a[1] + d.closed], [0, 0]);
    legend.append(el("span", totals[0] + " opened, " + totals[1] + " closed in " + days.length + " days"));
    box.appendChild(legend);
  }

  function draw(d) {
    const partial = document.getElementById("partial");
    const gaps = [].concat(d.missing || [], d.withheld || []);
    partial.hidden = !d.partial;
    partial.textContent = d.partial
      ? "Some figures are missing because a service did not answer in time or refused: " + gaps.join(", ")
        + ". The rest is current."
      : "";

    const states = Object.entries(d.casesByState || {});
    table("cases-by-state", ["State", "Cases"], states.map(([s, n]) => [s, n]), "No cases");

    if (d.casesByTenant) {
      const allStates = [...new Set(Object.values(d.casesByTenant).flatMap(m => Object.keys(m)))].sort();
      table("cases-by-tenant", ["Tenant"].concat(allStates),
        Object.entries(d.casesByTenant).map(([tenant, m]) => [tenant].concat(allStates.map(s => m[s] || 0))), "No cases");
    } else {
      unavailable("cases-by-tenant", "Cases by tenant");
    }
    chart(d.openedClosedPerDay);

    if (d.clocks) {
      document.getElementById("clocks-summary").textContent =
        d.clocks.atRisk + " at risk, " + d.clocks.breached + " breached";
      table("clocks", ["Case", "Tenant", "State", "Clock", "Status", "Due"],
        (d.clocks.items || []).map(c => [c.caseId, c.tenant, c.state, c.clock, c.status, c.dueAt]), "No clock at risk or breached");
    } else {
      document.getElementById("clocks-summary").textContent = "";
      unavailable("clocks", "SLA clocks");
    }

    table("dead-letter-counts", ["Service", "Open dead letters"],
      Object.entries(d.openDeadLetters || {}).map(([s, n]) => [s, n]), "No service answered");
    const letters = [];
    Object.entries(d.deadLetterItems || {}).forEach(([service, items]) => (items || []).forEach(l => letters.push([service, l])));
    table("dead-letters", ["Service", "Consumer", "Event type", "Case", "Attempts", "Last failed", "Error", ""],
      letters.map(([service, l]) => [service, l.consumer, l.eventType, l.caseId, l.attempts, l.lastFailedAt, l.error,
        deadLetterActions(service, l)]), "No open dead letter");

    if (d.webhooks) {
      document.getElementById("webhooks-summary").textContent =
        (d.webhooks.items || []).length + " failing or disabled of " + d.webhooks.checked + " checked (" + d.webhooks.total + " endpoints)";
      table("webhooks", ["Tenant", "URL", "Enabled", "Failing since", "Disabled because"],
        (d.webhooks.items || []).map(w => [w.tenant, w.url, w.enabled ? "yes" : "no", w.failingSince, w.disabledReason]),
        "No failing webhook endpoint");
    } else {
      document.getElementById("webhooks-summary").textContent = "";
      unavailable("webhooks", "Webhook endpoints");
    }
    document.getElementById("updated").textContent = new Date().toLocaleTimeString();
    document.getElementById("figures").hidden = false;
  }

  async function load() {
    clearTimeout(timer);
    if (!ConsoleAuth.accessToken()) {
      return;
    }
    try {
      draw(await api("GET", "/api/v1/ops/dashboard"));
    } catch (e) {
      ConsoleSession.message("The dashboard could not be loaded: " + e.message, "error");
    }
    timer = setTimeout(load, REFRESH_MS);
  }

  (async () => {
    const claims = await ConsoleSession.start();
    document.getElementById("refresh").addEventListener("click", load);
    if (!claims) {
      ConsoleSession.message("Log in with an operations account to see the dashboard.", "info");
      return;
    }
    if (!ConsoleAuth.hasRole("ops")) {
      // nothing is fetched: the dashboard is for operations only
      ConsoleSession.message("The ops dashboard is for operations staff. You are logged in as "
        + (claims.preferred_username || claims.sub) + ", who has no ops role.", "warning");
      return;
    }
    await load();
  })();
})();
