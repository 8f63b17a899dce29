// Login for the console pages: OAuth 2.0 authorization code with PKCE (S256) against Keycloak's public
// consilium-console client. Why by hand and not a library: it is forty lines, and the pages load nothing from
// elsewhere. The tokens live in this page's memory only (never in a URL, a cookie or web storage): the code comes
// back in the URL fragment, which the browser never sends to the gateway, and is traded for tokens at once.
// A reload logs in again through Keycloak's session cookie without asking for the password.
"use strict";

const ConsoleAuth = (() => {
  const PENDING = "consilium.console.pending-login";
  let config = null;
  let tokens = null;
  let refreshTimer = null;

  function base64Url(bytes) {
    let text = "";
    bytes.forEach(b => { text += String.fromCharCode(b); });
    return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function randomText() {
    return base64Url(crypto.getRandomValues(new Uint8Array(32)));
  }

  function endpoint(name) {
    return config.authServerUrl.replace(/\/$/, "") + "/protocol/openid-connect/" + name;
  }

  function pageUrl() {
    return window.location.origin + window.location.pathname;
  }

  async function loadConfig() {
    if (!config) {
      const answer = await fetch("/console/config.json", { cache: "no-store" });
      config = await answer.json();
    }
    return config;
  }

  async function login() {
    await loadConfig();
    const verifier = randomText();
    const state = randomText();
    // Only the verifier and the state outlive the redirect (the page is gone meanwhile); both are single-use.
    sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state }));
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier));
    const query = new URLSearchParams({
      client_id: config.clientId,
      redirect_uri: pageUrl(),
      response_type: "code",
      response_mode: "fragment",
      scope: "openid",
      state,
      code_challenge: base64Url(new Uint8Array(digest)),
      code_challenge_method: "S256",
    });
    window.location.assign(endpoint("auth") + "?" + query);
  }

  async function tokenRequest(form) {
    const answer = await fetch(endpoint("token"), {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(form),
    });
    if (!answer.ok) {
      throw new Error("Keycloak refused the token request (" + answer.status + ")");
    }
    return answer.json();
  }

  function keep(answer) {
    tokens = answer;
    clearTimeout(refreshTimer);
    if (tokens.refresh_token && tokens.expires_in) {
      // refresh a minute before the access token runs out (Keycloak's default lifespan here is 15 minutes)
      const inMs = Math.max(10, tokens.expires_in - 60) * 1000;
      refreshTimer = setTimeout(refresh, inMs);
    }
  }

  async function refresh() {
    try {
      keep(await tokenRequest({ grant_type: "refresh_token", client_id: config.clientId, refresh_token: tokens.refresh_token }));
    } catch (e) {
      tokens = null;
      window.dispatchEvent(new CustomEvent("console-logged-out"));
    }
  }

  /** Completes a login that came back from Keycloak (true), or returns false when this page load is not one. */
  async function completeLogin() {
    await loadConfig();
    const fragment = new URLSearchParams(window.location.hash.slice(1));
    if (!fragment.has("code") && !fragment.has("error")) {
      return false;
    }
    // take the code out of the address bar and the history before anything else
    history.replaceState(null, "", pageUrl());
    const pending = JSON.parse(sessionStorage.getItem(PENDING) || "null");
    sessionStorage.removeItem(PENDING);
    if (fragment.has("error")) {
      throw new Error("Keycloak: " + (fragment.get("error_description") || fragment.get("error")));
    }
    if (!pending || pending.state !== fragment.get("state")) {
      throw new Error("The login answer does not belong to this page's login; log in again");
    }
    keep(await tokenRequest({
      grant_type: "authorization_code",
      client_id: config.clientId,
      code: fragment.get("code"),
      redirect_uri: pageUrl(),
      code_verifier: pending.verifier,
    }));
    return true;
  }

  function accessToken() {
    return tokens ? tokens.access_token : null;
  }

  /** The access token's claims, for showing who is logged in (the gateway and the services verify it). */
  function claims() {
    const token = accessToken();
    if (!token) {
      return null;
    }
    const payload = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
    return JSON.parse(decodeURIComponent(escape(atob(payload))));
  }

  function hasRole(role) {
    const c = claims();
    return !!c && Array.isArray(c.groups) && c.groups.includes(role);
  }

  /**
   * Ends the Keycloak session, not only this page's tokens: RP-initiated logout posted as a form, so the ID token
   * travels in the request body and never in a URL.
   */
  function logout() {
    const form = document.createElement("form");
    form.method = "POST";
    form.action = endpoint("logout");
    const fields = { client_id: config.clientId, post_logout_redirect_uri: pageUrl() };
    if (tokens && tokens.id_token) {
      fields.id_token_hint = tokens.id_token;
    }
    Object.entries(fields).forEach(([name, value]) => {
      const input = document.createElement("input");
      input.type = "hidden";
      input.name = name;
      input.value = value;
      form.appendChild(input);
    });
    tokens = null;
    clearTimeout(refreshTimer);
    document.body.appendChild(form);
    form.submit();
  }

  return { loadConfig, login, completeLogin, accessToken, claims, hasRole, logout };
})();
