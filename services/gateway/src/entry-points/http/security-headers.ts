import helmet from 'helmet';

// A JSON API serves no pages: nothing may be loaded, framed or sniffed from its responses.
export const securityHeaders = () =>
  helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    crossOriginResourcePolicy: { policy: 'same-site' },
  });
