-- How a web session was started: 'token' (the sign-in form; the session ends when its token leaves the
-- configuration or changes) or 'oidc' (through the OIDC provider; roles and teams are those the ID token
-- named at sign-in, and the sealed token is the provider's access token).
ALTER TABLE web_session ADD COLUMN signed_in_with TEXT NOT NULL DEFAULT 'token';
