import { generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export const OIDC_CLIENT = { clientId: 'custodian', clientSecret: 'a-test-client-secret-of-some-length' };

/**
 * A real OpenID provider (node-oidc-provider) on a free local port, as Microsoft Entra ID stands to Custodian: the
 * authorisation code flow with PKCE required, a login page of its own for the accounts given (any password; a box
 * to say a second factor was given, which the ID token's `amr` then reports as Entra ID does), and their claims in
 * the ID token. Consent is taken as given, as a council's tenant grants it for its own app.
 */
export async function startOidcProvider(
  redirectUri: string,
  accounts: Record<string, { email?: string; employeeid?: string; name?: string }>,
) {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Its own signing key, as a real tenant has (not the library's development keys).
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const provider = new Provider(issuer, {
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test', use: 'sig', alg: 'RS256' }] },
    clients: [
      {
        client_id: OIDC_CLIENT.clientId,
        client_secret: OIDC_CLIENT.clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { amr: null, openid: ['sub', 'amr'], email: ['email'], profile: ['name', 'employeeid'] },
    conformIdTokenClaims: false,
    findAccount: (_ctx, id) =>
      accounts[id] ? { accountId: id, claims: async () => ({ sub: id, ...accounts[id] }) } : undefined,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    cookies: { keys: ['a-test-cookie-key'] },
    loadExistingGrant: async (ctx) => {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client!.clientId,
        accountId: ctx.oidc.session!.accountId!,
      });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });
  const callback = provider.callback();
  server.on('request', (req, res) => {
    if (!req.url?.startsWith('/interaction/')) return callback(req, res);
    void (async () => {
      const { uid } = await provider.interactionDetails(req, res);
      if (req.method !== 'POST') {
        res.setHeader('content-type', 'text/html');
        return res.end(
          `<form method="post" action="/interaction/${uid}">` +
            '<label>Sign-in name <input name="login"></label><label>Password <input name="password" type="password"></label>' +
            '<label><input type="checkbox" name="mfa" value="yes"> Approved on my phone</label>' +
            '<button type="submit">Sign in</button></form>',
        );
      }
      let body = '';
      for await (const chunk of req) body += String(chunk);
      const form = new URLSearchParams(body);
      const amr = form.get('mfa') === 'yes' ? ['pwd', 'mfa'] : ['pwd'];
      await provider.interactionFinished(req, res, { login: { accountId: form.get('login')!, amr } });
    })().catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  return {
    issuer,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * A person at the provider: follows its redirects with their own cookies, signs in on its login page, and returns
 * where the provider finally sends them back to Custodian.
 */
export async function signInAtProvider(
  authorisationUrl: string,
  login: string,
  options: { multiFactor?: boolean } = {},
): Promise<string> {
  const cookies = new Map<string, string>();
  const go = async (url: string, init: RequestInit = {}) => {
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers ?? {}), cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, v] = pair!.split('=');
      cookies.set(k!, v ?? '');
    }
    return res;
  };
  let res = await go(authorisationUrl);
  let location = new URL(res.headers.get('location')!, authorisationUrl).href;
  res = await go(location);
  const form = /action="([^"]+)"/.exec(await res.text())![1]!;
  res = await go(new URL(form, location).href, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ login, password: 'any', mfa: options.multiFactor ? 'yes' : 'no' }).toString(),
  });
  // Back to the authorisation endpoint, which answers with the redirect to Custodian.
  for (let hops = 0; hops < 5; hops++) {
    location = new URL(res.headers.get('location')!, location).href;
    if (!location.startsWith(new URL(authorisationUrl).origin)) return location;
    res = await go(location);
  }
  throw new Error('the provider never sent the person back');
}
