// Swagger UI on this server's live OpenAPI document. The URL is relative to this page (/v1/docs/),
// so it also works behind a proxy that mounts the server under a path prefix. "Authorize" takes a
// bearer token from POST /v1/auth/login; persistAuthorization keeps it across reloads (local storage).
window.ui = SwaggerUIBundle({
  url: new URL('../openapi.json', window.location.href).href,
  dom_id: '#swagger-ui',
  deepLinking: true,
  persistAuthorization: true,
  displayRequestDuration: true,
  presets: [SwaggerUIBundle.presets.apis],
  layout: 'BaseLayout'
});
