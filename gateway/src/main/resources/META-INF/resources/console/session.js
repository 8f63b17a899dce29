// The header both console pages share: who is logged in, and the log in / log out buttons.
"use strict";

const ConsoleSession = (() => {
  function message(text, kind) {
    const box = document.getElementById("message");
    box.textContent = text;
    box.className = "message " + (kind || "info");
    box.hidden = !text;
  }

  /** Completes a login coming back from Keycloak, then shows who is logged in. Resolves to the claims or null. */
  async function start() {
    document.getElementById("login").addEventListener("click", () => ConsoleAuth.login());
    document.getElementById("logout").addEventListener("click", () => ConsoleAuth.logout());
    window.addEventListener("console-logged-out", () => { show(null); message("Your session ended; log in again.", "warning"); });
    try {
      await ConsoleAuth.completeLogin();
    } catch (e) {
      message(e.message, "error");
    }
    const claims = ConsoleAuth.claims();
    show(claims);
    return claims;
  }

  /** The realm's own bookkeeping roles are not worth showing. */
  const ROLES = ["patient", "partner", "case-manager", "specialist", "ops"];

  function show(claims) {
    const who = document.getElementById("who");
    who.textContent = claims
      ? "Logged in as " + (claims.preferred_username || claims.sub) + " (" + (claims.groups || []).filter(r => ROLES.includes(r)).join(", ") + ")"
      : "Not logged in";
    document.getElementById("login").hidden = !!claims;
    document.getElementById("logout").hidden = !claims;
  }

  return { start, message };
})();
