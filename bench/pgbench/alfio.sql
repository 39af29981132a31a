\set k random(1, 16)
\set tid :client_id * 16 + :k
\set a random(0, 3)
\set b random(0, 3)
\set s1 (:tid - 1) * 4 + 1 + :a
\set s2 (:tid - 1) * 4 + 1 + :b
BEGIN;
select seat, status, terminal, expires > now() as live from pgb.tickets where seat = any(array['X' || :s1, 'X' || :s2]) or terminal = :tid order by seat for update;
update pgb.tickets set status = 'FREE', terminal = null, expires = null where terminal = :tid and not (seat = any(array['X' || :s1, 'X' || :s2]));
update pgb.tickets set status = 'PENDING', terminal = :tid, expires = now() + interval '8 minutes' where seat = any(array['X' || :s1, 'X' || :s2]);
COMMIT;
