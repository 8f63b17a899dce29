// Swagger UI over the gateway's combined OpenAPI document. Every request "Try it out" sends carries the logged-in
// user's access token, added here (Swagger UI's own token box is hidden: nobody pastes tokens).
"use strict";

(async () => {
  const claims = await ConsoleSession.start();
  if (!claims) {
    ConsoleSession.message("Log in to call the endpoints with your own token; the documentation is readable without.", "info");
  }
  window.consoleUi = SwaggerUIBundle({
    url: "/api/v1/openapi.json",
    dom_id: "#swagger-ui",
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
    // tags start closed: the whole API is several hundred operations, too many to render at once
    docExpansion: "none",
    deepLinking: false,
    filter: true,
    displayRequestDuration: true,
    persistAuthorization: false,
    requestInterceptor: request => {
      const token = ConsoleAuth.accessToken();
      if (token && !request.url.endsWith("/openapi.json")) {
        request.headers.Authorization = "Bearer " + token;
      }
      return request;
    },
  });
})();
