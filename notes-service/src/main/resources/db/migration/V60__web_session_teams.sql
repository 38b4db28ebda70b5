-- The teams of the token a web session was started with: NULL for every team (an admin token, a token
-- configured without teams, and every session started before tokens carried teams), else the team names
-- joined by ','. The session ends when its token's teams or roles change (SessionIdentityProvider).
ALTER TABLE web_session ADD COLUMN teams TEXT;
