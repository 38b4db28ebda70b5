-- Errors stored before V51 quoted the webhook URL (a credential) and the receiver's answer. Only the status
-- survives; new errors name the receiver's host and nothing more.
UPDATE notification
SET last_error = CASE
        WHEN last_error ~ '^HTTP [0-9]{3} ' THEN substring(last_error FROM '^HTTP [0-9]{3}')
            || ' (recorded before details were redacted)'
        ELSE 'delivery failed (recorded before details were redacted)'
    END
WHERE last_error IS NOT NULL;
