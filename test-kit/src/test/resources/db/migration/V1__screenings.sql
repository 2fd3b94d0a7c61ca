create table screening (
    id    uuid primary key,
    title varchar(200) not null
);
