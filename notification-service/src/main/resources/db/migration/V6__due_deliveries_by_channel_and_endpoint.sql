-- Due deliveries by channel: the e-mail and push senders claim only their own channel's due rows. With one index over
-- every channel, each e-mail claim walked past thousands of due webhook rows to find none (a third of the database's
-- time in the webhook benchmark).
drop index delivery_due;
create index delivery_due on delivery (channel, next_attempt_at) where status in ('PENDING', 'RETRYING');

-- One webhook endpoint's due deliveries, oldest first: the sender claims per endpoint only as many as that endpoint's
-- lane has room for, instead of claiming a backlog's oldest rows and giving most of them back.
create index delivery_webhook_due on delivery (recipient, next_attempt_at)
    where channel = 'WEBHOOK' and status in ('PENDING', 'RETRYING');
