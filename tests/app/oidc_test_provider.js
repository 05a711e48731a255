// A real OpenID provider for the author sign-in tests: Node's oidc-provider on loopback, run as
// its own process by tests/app/_oidc_support.py. Two issuers on two ports share one signing key
// and one client ("infoshare"), so a token from the other issuer fails on its issuer alone; the
// first also has a second client ("other-app"), whose tokens are for another audience.
// Users sign in with the provider's development form (any password); only those below exist.
import { generateKeyPairSync } from "node:crypto";
import Provider from "oidc-provider";

const [portA, portB, redirectUri, otherRedirectUri] = process.argv.slice(2);
const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const key = { ...privateKey.export({ format: "jwk" }), kid: "test-key", use: "sig", alg: "RS256" };

const USERS = {
  alice: { sub: "alice", email: "alice@example.org", email_verified: true, name: "Alice" },
  bob: { sub: "bob-subject", email: "bob@example.org", email_verified: false, name: "Bob" },
  mallory: { sub: "mallory", email: "mallory@example.org", email_verified: true, name: "M" },
};

function client(id, redirect) {
  return {
    client_id: id, client_secret: `${id}-secret`, redirect_uris: [redirect],
    grant_types: ["authorization_code"], response_types: ["code"],
    token_endpoint_auth_method: "client_secret_basic",
  };
}

function provider(port, clients) {
  const issuer = `http://127.0.0.1:${port}`;
  const oidc = new Provider(issuer, {
    clients,
    jwks: { keys: [key] },
    cookies: { keys: ["only-for-tests"] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    ttl: { IdToken: 300, AccessToken: 300, AuthorizationCode: 120, Session: 600,
      Interaction: 600, Grant: 600 },
    async findAccount(ctx, id) {
      const user = USERS[id];
      return user && { accountId: id, claims: () => ({ ...user }) };
    },
    // first-party clients: no consent screen, every sign-in is granted the scopes asked for
    async loadExistingGrant(ctx) {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
  });
  return new Promise((resolve) => {
    const server = oidc.listen(Number(port), "127.0.0.1", () => resolve(server));
  });
}

await provider(portA, [client("infoshare", redirectUri), client("other-app", otherRedirectUri)]);
await provider(portB, [client("infoshare", redirectUri)]);
console.log("oidc test provider ready");
