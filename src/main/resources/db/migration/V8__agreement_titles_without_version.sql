-- The first agreement versions (V2) carried their version in the title ("进场协议（第 1 版）"), and the UI shows the
-- version next to the title, so merchants read "进场协议（第 1 版）（第 1 版）". Titles name the agreement; the
-- version is its own column. Only the seeded first versions are renamed; the text (and its hash) is unchanged.
update agreement_version
set title = regexp_replace(title, '（第 1 版）$', '')
where version = 1 and title ~ '（第 1 版）$';
