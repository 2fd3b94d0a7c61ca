-- catalog: films with their genres, credits and artwork, and a read model of the release windows
-- rights-service announces. Extension functions (pg_trgm, unaccent) live in the shared
-- "extensions" schema the provisioner creates; they are always called schema-qualified.

create table genre (
    id          uuid primary key,
    slug        varchar(60)  not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name        varchar(80)  not null,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null
);

create table film (
    id               uuid primary key,
    creator_id       uuid          not null,
    slug             varchar(160)  not null unique,
    title            varchar(200)  not null,
    original_title   varchar(200),
    synopsis         varchar(5000),
    runtime_minutes  integer check (runtime_minutes between 1 and 1440),
    release_year     integer check (release_year between 1888 and 2100),
    countries        text[]        not null default '{}',
    languages        text[]        not null default '{}',
    maturity_rating  varchar(8)    not null check (maturity_rating in ('G', 'PG', 'M', 'MA15', 'R18')),
    credits          jsonb         not null default '{}'::jsonb,
    status           varchar(12)   not null check (status in ('DRAFT', 'PUBLISHED', 'ARCHIVED')),
    version          bigint        not null,
    created_at       timestamptz   not null,
    updated_at       timestamptz   not null,
    published_at     timestamptz,
    search_vector    tsvector      not null default ''::tsvector
);

create index film_creator_idx on film (creator_id, created_at desc);
create index film_status_year_idx on film (status, release_year);
create index film_search_idx on film using gin (search_vector);
create index film_title_trgm_idx on film using gin (lower(title) extensions.gin_trgm_ops);
create index film_languages_idx on film using gin (languages);
create index film_countries_idx on film using gin (countries);

-- Relevance weights: title A, original title B, credits (names and characters) C, synopsis D.
-- 'simple' (no stemming) because titles and names mix English, Tok Pisin and other Pacific
-- languages; unaccent so "Pōria" and "Poria" match. A trigger, because unaccent is not immutable
-- and the credits come from a JSON document.
create function film_search_vector() returns trigger language plpgsql as $$
declare
    credit_text text;
begin
    select coalesce(string_agg(value, ' '), '') into credit_text
      from jsonb_array_elements_text(jsonb_path_query_array(new.credits, 'lax $.*[*].name')
                                     || jsonb_path_query_array(new.credits, 'lax $.*[*].character'));
    new.search_vector :=
        setweight(to_tsvector('simple', extensions.unaccent('extensions.unaccent'::regdictionary, coalesce(new.title, ''))), 'A') ||
        setweight(to_tsvector('simple', extensions.unaccent('extensions.unaccent'::regdictionary, coalesce(new.original_title, ''))), 'B') ||
        setweight(to_tsvector('simple', extensions.unaccent('extensions.unaccent'::regdictionary, credit_text)), 'C') ||
        setweight(to_tsvector('simple', extensions.unaccent('extensions.unaccent'::regdictionary, coalesce(new.synopsis, ''))), 'D');
    return new;
end
$$;

create trigger film_search_vector_trigger before insert or update of title, original_title, credits, synopsis
    on film for each row execute function film_search_vector();

create table film_genre (
    film_id   uuid not null references film (id) on delete cascade,
    genre_id  uuid not null references genre (id),
    primary key (film_id, genre_id)
);
create index film_genre_genre_idx on film_genre (genre_id);

create table film_asset (
    id            uuid primary key,
    film_id       uuid          not null references film (id) on delete cascade,
    kind          varchar(12)   not null check (kind in ('POSTER', 'BACKDROP', 'TRAILER', 'STILL')),
    object_key    varchar(512)  not null unique,
    content_type  varchar(100)  not null,
    size_bytes    bigint        not null check (size_bytes > 0),
    created_at    timestamptz   not null
);
create index film_asset_film_idx on film_asset (film_id, created_at);

-- Active release windows per film, kept from rights-service's window.* events, so that
-- "available as SVOD in PG" is one SQL query over films (no call per film).
create table film_window (
    window_id             uuid primary key,
    film_id               uuid         not null,
    type                  varchar(12)  not null,
    worldwide             boolean      not null,
    territories           text[]       not null default '{}',
    excluded_territories  text[]       not null default '{}',
    starts_at             timestamptz  not null,
    ends_at               timestamptz,
    -- closing is final: a late window.opened or window.updated for a closed window is ignored
    closed                boolean      not null default false,
    event_occurred_at     timestamptz  not null
);
create index film_window_film_idx on film_window (film_id, type);

insert into genre (id, slug, name, created_at, updated_at) values
    ('6c1a0f7e-0001-4000-8000-000000000001', 'drama', 'Drama', now(), now()),
    ('6c1a0f7e-0001-4000-8000-000000000002', 'documentary', 'Documentary', now(), now()),
    ('6c1a0f7e-0001-4000-8000-000000000003', 'comedy', 'Comedy', now(), now()),
    ('6c1a0f7e-0001-4000-8000-000000000004', 'action', 'Action', now(), now()),
    ('6c1a0f7e-0001-4000-8000-000000000005', 'thriller', 'Thriller', now(), now()),
    ('6c1a0f7e-0001-4000-8000-000000000006', 'romance', 'Romance', now(), now()),
    ('6c1a0f7e-0001-4000-8000-000000000007', 'animation', 'Animation', now(), now()),
    ('6c1a0f7e-0001-4000-8000-000000000008', 'horror', 'Horror', now(), now()),
    ('6c1a0f7e-0001-4000-8000-000000000009', 'family', 'Family', now(), now()),
    ('6c1a0f7e-0001-4000-8000-00000000000a', 'music', 'Music', now(), now()),
    ('6c1a0f7e-0001-4000-8000-00000000000b', 'short', 'Short', now(), now()),
    ('6c1a0f7e-0001-4000-8000-00000000000c', 'pacific-stories', 'Pacific Stories', now(), now()),
    ('6c1a0f7e-0001-4000-8000-00000000000d', 'culture', 'Culture and Tradition', now(), now()),
    ('6c1a0f7e-0001-4000-8000-00000000000e', 'sport', 'Sport', now(), now());
