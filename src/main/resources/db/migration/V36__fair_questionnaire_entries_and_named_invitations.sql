-- Fairs (issue 14), two leftovers.
--
-- 1. A roadshow participant's questionnaire (what it offers, what it needs) takes part in matching like a listing: kept
--    by matching (fair/matching/QuestionnaireEntries) as a fair_listing row of that participant only (participant_id),
--    segmented and indexed like any listing. It has no industry category (the questionnaire asks none). The listing
--    pages, search and directories show only the enterprises' own listings (participant_id is null).
alter table fair_listing
    add column participant_id bigint references fair_participant (id) on delete cascade,
    alter column category drop not null,
    add constraint fair_listing_category_present check (category is not null or participant_id is not null);
create unique index fair_listing_questionnaire_idx on fair_listing (participant_id) where participant_id is not null;

-- 2. Named invitations: an invitation made out to one enterprise (a known one, or a name and a contact the organisers
--    typed), usable once, until it expires; the organisers see when it was first opened and whether it was used.
--    Rows without an invitee are the shared links of V25 (they keep working as before).
alter table fair_invitation
    add column invitee_name    text        check (char_length(invitee_name) between 1 and 100),
    add column enterprise_id   bigint      references enterprise (id),
    add column contact_phone   text        check (contact_phone ~ '^1[3-9][0-9]{9}$'),
    add column contact_email   text        check (char_length(contact_email) between 3 and 100 and contact_email like '%_@_%'),
    add column expires_at      timestamptz,
    add column opened_at       timestamptz,
    add constraint fair_invitation_named check (invitee_name is not null or (enterprise_id is null
        and contact_phone is null and contact_email is null)),
    add constraint fair_invitation_named_once check (invitee_name is null or max_uses = 1);
create index fair_invitation_enterprise_idx on fair_invitation (enterprise_id) where enterprise_id is not null;
