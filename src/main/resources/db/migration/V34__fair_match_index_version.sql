-- What matching jobs changed at a fair, so an instance can bring its in-memory index of the fair up to date
-- (fair/matching/FairIndexes): every job bumps the fair's version and notes the listing whose entry it re-read
-- (0: every entry, a full run) and the listings whose stored lists it rewrote (null: none, or the job failed).
-- Notes more than 1,000 versions old are dropped; an index that old is read anew.
create table fair_match_index (
    fair_id bigint primary key references fair (id) on delete cascade,
    version bigint not null check (version > 0)
);

create table fair_match_index_change (
    fair_id    bigint not null references fair (id) on delete cascade,
    version    bigint not null check (version > 0),
    listing_id bigint not null check (listing_id >= 0),
    lists      bigint[],
    primary key (fair_id, version)
);
