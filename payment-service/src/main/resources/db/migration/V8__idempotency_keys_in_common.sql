-- Idempotency keys moved to common's IdempotentRequests and its idempotent_request table (in every
-- service's schema, made by common's migrations). Keys a client was retrying at the moment of the
-- deploy are forgotten: the work itself is keyed by the request (resource ids derived from the key),
-- so a retry resumes the same payment instead of making a second.
drop table idempotent_requests;
