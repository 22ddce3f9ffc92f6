// Words PostgreSQL, MySQL/MariaDB or SQLite reserve: as an unquoted table or channel name they break the
// generated SQL (`CREATE TABLE order (` is a syntax error). Scaffolds refuse them with a message rather
// than quote them, because every query the user writes later would need the same quoting.
export const SQL_RESERVED: ReadonlySet<string> = new Set(
  `abort action add after all alter always analyse analyze and any array as asc asymmetric authorization begin between
  bigint binary bit boolean both by call cascade case cast char character check collate collation column commit
  concurrently condition constraint continue convert create cross current current_catalog current_date
  current_role current_schema current_time current_timestamp current_user cursor database databases day decimal
  declare default deferrable delete desc describe distinct do double drop each else elseif end escape except
  exists exit explain false fetch float for force foreign freeze from full function glob grant group having
  hour if ignore ilike in index inner inout insert int integer intersect interval into is isnull join key keys
  kill lateral leading left like limit localtime localtimestamp lock loop match merge minute month natural
  not notnull null numeric of offset on only or order out outer over overlaps partition placing pragma primary
  procedure range read real recursive references regexp rename repeat replace restrict return returning revoke
  right rollback row rows schema second select session_user set show similar smallint some sql start symmetric
  system_user table tablesample then time timestamp to trailing transaction trigger true union unique unlock
  until update usage user using vacuum values varchar variadic verbose view virtual when where while window
  with without write year zone`
    .split(/\s+/)
    .filter(Boolean),
);
