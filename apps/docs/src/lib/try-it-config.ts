/**
 * Scalar's configuration for the "try it" page: the servers to send to (local sandbox first), the
 * demo key preset, and everything that would load from outside switched off (fonts, the agent,
 * MCP, developer tools, telemetry).
 */

/** The servers offered; the first is the default. */
export function servers(port: string | null) {
  const local = port && /^\d{1,5}$/.test(port) ? port : '4010';
  return [
    { url: `http://127.0.0.1:${local}/api/v1`, description: 'Local sandbox (npm start)' },
    { url: `http://127.0.0.1:{port}/api/v1`, description: 'Prism mock (npm run mock -- --port …)', variables: { port: { default: local === '4010' ? '4011' : local } } },
    { url: 'https://app.tickki.com/api/v1', description: 'Production (your own pk_live_ key)' },
  ];
}

/** The whole configuration passed to `Scalar.createApiReference`. */
export function scalarConfiguration(specUrl: string, port: string | null, dark: boolean) {
  return {
    url: specUrl,
    darkMode: dark,
    servers: servers(port),
    authentication: {
      preferredSecurityScheme: 'publishableKey',
      securitySchemes: { publishableKey: { token: 'pk_test_tickki_sandbox' } },
    },
    withDefaultFonts: false,
    agent: { disabled: true },
    mcp: { disabled: true },
    showDeveloperTools: 'never',
    telemetry: false,
    hideClientButton: false,
    persistAuth: false,
    layout: 'modern',
    theme: 'default',
    defaultOpenFirstTag: true,
    hiddenClients: true,
    documentDownloadType: 'yaml',
  };
}
