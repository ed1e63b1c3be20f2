import * as client from 'openid-client';
import type { Config } from '../config.ts';

/** What the identity provider says about the person who signed in. */
export interface OidcIdentity {
  subject: string;
  /** Lower-cased; from the email claim, else an address-shaped preferred_username or upn (Entra's sign-in name). */
  email: string | null;
  employeeId: string | null;
  /** The provider asked for more than a password (its `amr` claim holds "mfa", RFC 8176; Entra ID says so). */
  multiFactor: boolean;
}

/** The values a sign-in started with, kept in the session until the provider sends the person back. */
export interface OidcPending {
  state: string;
  nonce: string;
  codeVerifier: string;
  next: string;
}

/** A sign-in the provider's answer does not complete (a wrong state or nonce, an expired code, a refusal). */
export class OidcRefusal extends Error {}

const ADDRESS = /^[^\s@]+@[^\s@]+$/;

/**
 * Signing in with the council's identity provider — Microsoft Entra ID or any OpenID Connect provider — by the
 * authorisation code flow with PKCE, state and nonce (openid-client checks all three, and the ID token's signature,
 * issuer, audience and expiry). Who the person is in Custodian is decided afterwards, from HR's record.
 */
export class OidcSignIn {
  private configuration: Promise<client.Configuration> | undefined;

  constructor(private readonly settings: NonNullable<Config['oidc']>) {}

  get label(): string {
    return this.settings.label;
  }

  get redirectUri(): string {
    return `${this.settings.publicUrl}/sign-in/oidc/callback`;
  }

  /** The provider's metadata, discovered once (and again after a failure, so a provider that was down recovers). */
  private config(): Promise<client.Configuration> {
    const issuer = new URL(this.settings.issuerUrl);
    this.configuration ??= client
      .discovery(
        issuer,
        this.settings.clientId,
        this.settings.clientSecret,
        undefined,
        // A provider on plain HTTP only on this machine (a test's, a developer's); anything else must be HTTPS.
        issuer.protocol === 'http:' && ['127.0.0.1', 'localhost'].includes(issuer.hostname)
          ? { execute: [client.allowInsecureRequests] }
          : undefined,
      )
      .catch((error: unknown) => {
        this.configuration = undefined;
        throw error;
      });
    return this.configuration;
  }

  /** Where to send the person, and what to remember until they come back. */
  async start(next: string): Promise<{ url: string; pending: OidcPending }> {
    const pending = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier: client.randomPKCECodeVerifier(),
      next,
    };
    const url = client.buildAuthorizationUrl(await this.config(), {
      redirect_uri: this.redirectUri,
      scope: 'openid email profile',
      code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    return { url: url.href, pending };
  }

  /** The provider's answer, checked and exchanged for the person's identity. */
  async finish(callbackPathAndQuery: string, pending: OidcPending): Promise<OidcIdentity> {
    const config = await this.config();
    let claims: client.IDToken | undefined;
    try {
      const tokens = await client.authorizationCodeGrant(
        config,
        new URL(callbackPathAndQuery, this.settings.publicUrl),
        {
          pkceCodeVerifier: pending.codeVerifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        },
      );
      claims = tokens.claims();
    } catch (error) {
      // The library's messages say what failed (state, nonce, an invalid grant); never who was signing in.
      throw new OidcRefusal((error as Error).message);
    }
    if (!claims) throw new OidcRefusal('the provider sent no ID token');
    const candidates = [claims.email, claims.preferred_username, claims.upn].filter(
      (v): v is string => typeof v === 'string' && ADDRESS.test(v),
    );
    const employeeId = claims[this.settings.employeeIdClaim];
    return {
      subject: claims.sub,
      email: candidates[0]?.toLowerCase() ?? null,
      employeeId: typeof employeeId === 'string' && employeeId.trim() ? employeeId.trim() : null,
      multiFactor: Array.isArray(claims.amr) && claims.amr.includes('mfa'),
    };
  }
}
