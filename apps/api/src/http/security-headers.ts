import helmet from 'helmet';
import type { RequestHandler } from 'express';

/**
 * The response headers every answer carries (helmet): a Content-Security-Policy that lets the
 * dashboard and the offline GraphiQL page load only this api's own scripts and styles, talk only
 * to this api (HTTP and WebSocket) and the identity provider it signs in with, and never be
 * framed; no MIME sniffing; no referrer; no X-Powered-By.
 */
export function securityHeaders(identityProviderOrigin: string | null): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        // Styles set through the DOM (Preact's style props) are not inline styles: no 'unsafe-inline'.
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        // 'self' covers the same origin's WebSocket (maturityChanged) in current browsers.
        connectSrc: ["'self'", ...(identityProviderOrigin === null ? [] : [identityProviderOrigin])],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // The page and the api are served over plain HTTP on loopback by default: HSTS belongs to the TLS proxy in front.
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
  });
}
