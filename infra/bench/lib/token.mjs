// Access tokens minted with the app's own signing key (the JWK the app keeps in <data dir>/secrets), so a bench can
// act as thousands of users without logging each one in.
import crypto from 'node:crypto';
import fs from 'node:fs';

/** The app's private signing key from its JWK file. */
export function signingKey(file) {
  return crypto.createPrivateKey({ key: JSON.parse(fs.readFileSync(file), 'utf8'), format: 'jwk' });
}

const b64 = (obj) => Buffer.from(JSON.stringify(obj)).toString('base64url');

/** An RS256 access token for the user, valid an hour, as the app issues them. */
export function mint(key, { userId, username, name, roles }) {
  const now = Math.floor(Date.now() / 1000);
  const body = `${b64({ alg: 'RS256' })}.${b64({
    iss: 'livehall', sub: String(userId), jti: crypto.randomUUID(), iat: now, exp: now + 3600,
    preferred_username: username, name, roles, ver: 0,
  })}`;
  return `${body}.${crypto.sign('sha256', Buffer.from(body), key).toString('base64url')}`;
}
