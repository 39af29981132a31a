-- Fails the statement that calls it unless a new hold may be committed as claimed: a grant sent whole at once (its
-- turn, its claim and its COMMIT in one round trip, decision 0039) must stop before its COMMIT, and an error is what
-- makes PostgreSQL skip the rest. First, asked seats the caller may not have as house seats (SQLSTATE MQ423), as the
-- transaction sent in parts checks them before it claims; then asked seats that did not come back held (MQ409). The
-- error's detail lists the seats, comma-separated and sorted.
create function marquee_hold_complete(held text[], asked text[], house text[]) returns boolean
    language plpgsql as $$
begin
    if cardinality(house) > 0 then
        raise exception 'house seats'
            using errcode = 'MQ423', detail = array_to_string(array(select h from unnest(house) as h order by h), ',');
    end if;
    if not asked <@ held then
        raise exception 'seats taken'
            using errcode = 'MQ409',
                  detail = array_to_string(array(select a from unnest(asked) as a where a <> all(held) order by a), ',');
    end if;
    return true;
end
$$;
