// Health checks against the cluster's TLS endpoints, trusting only the cluster's own CA.
import fs from 'node:fs';
import https from 'node:https';
import http from 'node:http';

export interface TlsTrust {
  /** PEM file of the CA that signed the server's certificate. */
  readonly ca?: string;
  /** The controller-manager and scheduler serve health on loopback with a certificate they made themselves. */
  readonly selfSignedLoopback?: boolean;
}

/** True when `url` answers 200 (health paths need no client certificate). */
export function answersOk(url: string, trust: TlsTrust = {}): Promise<boolean> {
  return new Promise((resolve) => {
    const options = { timeout: 2_000, rejectUnauthorized: !trust.selfSignedLoopback, ...(trust.ca ? { ca: fs.readFileSync(trust.ca) } : {}) };
    const request = (url.startsWith('https:') ? https : http).get(url, options, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    request.once('timeout', () => request.destroy());
    request.once('error', () => resolve(false));
  });
}
