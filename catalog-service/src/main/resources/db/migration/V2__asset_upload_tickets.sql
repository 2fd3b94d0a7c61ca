-- Upload tickets handed out for artwork: confirming needs one (so only keys this service issued
-- become assets), and objects whose ticket expired unconfirmed are swept from storage.
create table asset_upload (
    object_key    varchar(512)  primary key,
    film_id       uuid          not null references film (id) on delete cascade,
    kind          varchar(12)   not null,
    content_type  varchar(100)  not null,
    issued_to     uuid          not null,
    expires_at    timestamptz   not null
);
create index asset_upload_expiry_idx on asset_upload (expires_at);
