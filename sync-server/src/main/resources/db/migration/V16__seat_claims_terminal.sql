-- The terminal whose hold has a seat, on the seat's claim: every hold decision and seat map reads which terminal
-- holds each held seat (a terminal's own seats count as free to it), and finding it in holds cost one index probe
-- per held seat, five times the read itself (docs/BENCHMARKS.md, issue 17 fifth session; decision 0032). Only
-- meaningful while state = 'HELD'. Rows written by an earlier release during a rolling upgrade have none: readers
-- fall back to the hold's row for those.
alter table seat_claims add column terminal_id bigint;
update seat_claims c
   set terminal_id = h.terminal_id
  from holds h
 where c.state = 'HELD' and h.id = c.hold_id;
