-- Each person's own choices (issue 15 item 5): channels on or off, a language for their messages, quiet hours.
-- A person is their token's subject (unique in the realm). No row: the defaults (every channel on, no quiet hours).
create table notification_preference (
    subject       varchar(200) primary key,
    email_enabled boolean      not null,
    push_enabled  boolean      not null,
    language      varchar(8),
    quiet_start   time,
    quiet_end     time,
    quiet_zone    varchar(60),
    updated_at    timestamptz  not null,
    version       bigint       not null,
    constraint quiet_hours_whole check ((quiet_start is null) = (quiet_end is null) and (quiet_start is null) = (quiet_zone is null))
);

-- Push device tokens a person's apps registered. A token is one app installation: unique, and moved to whoever
-- registers it last (the account signed in on that device now). Dropped when the provider reports it unregistered.
create table device_token (
    id          uuid          primary key,
    subject     varchar(200)  not null,
    token       varchar(4096) not null,
    platform    varchar(20)   not null,
    description varchar(200),
    created_at  timestamptz   not null,
    constraint device_token_once unique (token)
);
create index device_token_subject on device_token (subject, created_at desc);
